/**
 * What every figure sets up first: its view state, mirrored into the page URL under the page's prefix, and — for the
 * figures of measured runs — the site data file it draws, fetched in the browser once the figure is on the page.
 * Call both while the component initialises (siteData registers an $effect).
 */
import { untrack } from 'svelte';
import { FIGURE_SCHEMAS, type FigureName } from '$lib/state/figures';
import { UrlState } from '$lib/state/url-state.svelte';
import { SiteData } from './site-data.svelte';

/** The figure's URL state; `prefix` is read once (a figure keeps the prefix it was mounted with). */
export function figureState<N extends FigureName>(name: N, prefix: () => string): UrlState<(typeof FIGURE_SCHEMAS)[N]> {
	return new UrlState(FIGURE_SCHEMAS[name], untrack(prefix));
}

/** A site data file, loaded the first time `when()` holds (always, by default). */
export function siteData<T>(file: string, what?: string, when: () => boolean = () => true): SiteData<T> {
	const source = new SiteData<T>(file, what);
	$effect(() => {
		if (when()) source.load();
	});
	return source;
}

/**
 * The lab's settings mirrored into the page URL (replaceState, debounced), so a link reproduces a run's settings.
 * During prerender the defaults are used; in the browser the real URL is read once at construction.
 */
import { browser } from '$app/environment';
import { decodeLab, encodeLab, labDefaults, patchLab, type LabState } from '$lib/state/lab';
import { createUrlWriter } from '$lib/state/url-writer';

export class LabSettings {
	value: LabState = $state(labDefaults('grokking'));
	#writer = createUrlWriter();

	constructor() {
		if (browser) this.value = decodeLab(new URL(location.href).searchParams);
	}

	/** Apply a patch (clamped; a new toy brings its own defaults) and schedule the URL update. */
	set(patch: Partial<LabState>): void {
		this.value = patchLab(this.value, patch);
		if (!browser) return;
		this.#writer.schedule((url) => {
			for (const k of [...url.searchParams.keys()]) url.searchParams.delete(k);
			encodeLab(this.value, url.searchParams);
		});
	}
}

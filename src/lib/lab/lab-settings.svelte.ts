/**
 * The lab's settings mirrored into the page URL (replaceState, debounced), so a link reproduces a run's settings.
 * During prerender the defaults are used; in the browser the real URL is read once at construction.
 */
import { browser } from '$app/environment';
import { decodeLab, encodeLab, labDefaults, patchLab, type LabState } from '$lib/state/lab';

const WRITE_DELAY_MS = 150;

export class LabSettings {
	value: LabState = $state(labDefaults('grokking'));
	#timer: ReturnType<typeof setTimeout> | undefined;

	constructor() {
		if (browser) this.value = decodeLab(new URL(location.href).searchParams);
	}

	/** Apply a patch (clamped; a new toy brings its own defaults) and schedule the URL update. */
	set(patch: Partial<LabState>): void {
		this.value = patchLab(this.value, patch);
		if (!browser) return;
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => {
			const url = new URL(location.href);
			for (const k of [...url.searchParams.keys()]) url.searchParams.delete(k);
			encodeLab(this.value, url.searchParams);
			history.replaceState(history.state, '', url);
		}, WRITE_DELAY_MS);
	}
}

/**
 * Reactive figure state mirrored into the page URL (replaceState, debounced), so a link reproduces the view.
 * During prerender the defaults are used; the browser then reads the real URL once on mount.
 */
import { browser } from '$app/environment';
import { clampState, decodeState, defaults, encodeState, type Schema, type StateOf } from './schema';
import { createUrlWriter } from './url-writer';

export class UrlState<S extends Schema> {
	value: StateOf<S> = $state() as StateOf<S>;
	#writer = createUrlWriter();

	constructor(
		readonly schema: S,
		readonly prefix = ''
	) {
		this.value = defaults(schema);
		if (browser) this.value = decodeState(schema, new URL(location.href).searchParams, prefix);
	}

	/** Set some fields (clamped) and schedule a URL update. */
	set(patch: Partial<StateOf<S>>) {
		this.value = clampState(this.schema, { ...this.value, ...patch } as Partial<Record<keyof S, unknown>>);
		this.#scheduleWrite();
	}

	reset() {
		this.value = defaults(this.schema);
		this.#scheduleWrite();
	}

	/** Query string of this figure's state alone, unprefixed (for embed links). */
	query(): string {
		return encodeState(this.schema, this.value).toString();
	}

	#scheduleWrite() {
		if (!browser) return;
		this.#writer.schedule((url) => encodeState(this.schema, this.value, url.searchParams, this.prefix));
	}
}

/**
 * A JSON file the site serves under /data (trimmed from content/data when the site is built), fetched once, in the
 * browser, the first time `load()` runs — call it from an $effect. Until then, and on failure, `value` is null and
 * `failure` says why.
 */
import { base } from '$app/paths';

export class SiteData<T> {
	#value = $state.raw<T | null>(null);
	#failure = $state('');
	#started = false;

	constructor(
		readonly file: string,
		readonly what = 'the measured runs'
	) {}

	get value(): T | null {
		return this.#value;
	}

	get failure(): string {
		return this.#failure;
	}

	load(): void {
		if (this.#started) return;
		this.#started = true;
		fetch(`${base}/data/${this.file}`)
			.then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
			.then((v: T) => (this.#value = v))
			.catch((e: Error) => (this.#failure = `Could not load ${this.what}: ${e.message}`));
	}
}

/**
 * One debounced writer of state into the page URL (history.replaceState, 150 ms after the last change), shared by the
 * figures' `UrlState` and the lab's settings, so dragging a slider does not flood the history API.
 */
export const URL_WRITE_DELAY_MS = 150;

export interface UrlWriter {
	/** Schedule `edit` on a copy of the current URL; a later call within the delay replaces it. */
	schedule(edit: (url: URL) => void): void;
	/** Drop a pending write. */
	cancel(): void;
}

export function createUrlWriter(delayMs = URL_WRITE_DELAY_MS): UrlWriter {
	let timer: ReturnType<typeof setTimeout> | undefined;
	return {
		schedule(edit) {
			clearTimeout(timer);
			timer = setTimeout(() => {
				timer = undefined;
				const url = new URL(location.href);
				edit(url);
				history.replaceState(history.state, '', url);
			}, delayMs);
		},
		cancel() {
			clearTimeout(timer);
			timer = undefined;
		}
	};
}

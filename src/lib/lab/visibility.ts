/**
 * The one place that decides whether a live run should count as hidden: the tab is hidden, or (for an embed) its
 * element is scrolled out of view. The caller passes the answer to LabRun.setVisibility, the only sender of the
 * worker's `setVisibility` (the training client sends none, so nothing reaches the worker before `init`).
 */
export interface VisibilityOptions {
	/** Also count the run as hidden while this element is off-screen (IntersectionObserver). */
	element?: Element | null;
	/** Share of the element that must be in view to count as visible (default 0.1). */
	threshold?: number;
}

/** Calls `onChange(hidden)` now and on every change; returns the function that stops watching. */
export function watchVisibility(onChange: (hidden: boolean) => void, options: VisibilityOptions = {}): () => void {
	let offscreen = false;
	let last: boolean | null = null;
	const emit = () => {
		const hidden = document.hidden || offscreen;
		if (hidden === last) return;
		last = hidden;
		onChange(hidden);
	};
	document.addEventListener('visibilitychange', emit);
	let observer: IntersectionObserver | null = null;
	const el = options.element;
	if (el && typeof IntersectionObserver !== 'undefined') {
		// Off-screen until the observer says otherwise: an embed far down a slide deck does not start on load.
		offscreen = true;
		observer = new IntersectionObserver(
			(entries) => {
				const entry = entries.at(-1);
				if (!entry) return;
				offscreen = !entry.isIntersecting;
				emit();
			},
			{ threshold: options.threshold ?? 0.1 }
		);
		observer.observe(el);
	}
	emit();
	return () => {
		document.removeEventListener('visibilitychange', emit);
		observer?.disconnect();
	};
}

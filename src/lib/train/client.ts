/**
 * The UI side of the training worker: a small typed wrapper, no Svelte. The lab's rune store sits on top.
 *
 *   const client = createTrainClient();
 *   const off = client.onMessage((msg) => { ... });
 *   client.post({ type: 'init', toy: 'grokking', seed: 1, wasmPath: `${base}/wasm/` });
 *   client.post({ type: 'play' });
 *   ...
 *   off(); client.terminate();
 */
import type { FromWorker, ToWorker } from './protocol';

export interface TrainClient {
	post(msg: ToWorker): void;
	/** Subscribe to worker messages; returns the unsubscribe function. */
	onMessage(cb: (msg: FromWorker) => void): () => void;
	/** Free the worker's tensors and stop it. */
	terminate(): void;
}

/**
 * Start the worker. Unless `followVisibility` is false, the client itself tells the worker when the tab is hidden or
 * visible again (a hidden tab pauses training; it resumes if the hidden pause was the only one).
 */
export function createTrainClient(options: { followVisibility?: boolean } = {}): TrainClient {
	const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
	const onVisibility = () => worker.postMessage({ type: 'setVisibility', hidden: document.hidden } satisfies ToWorker);
	const followVisibility = options.followVisibility !== false && typeof document !== 'undefined';
	if (followVisibility) {
		document.addEventListener('visibilitychange', onVisibility);
		if (document.hidden) onVisibility();
	}
	const listeners = new Set<(msg: FromWorker) => void>();
	worker.onmessage = (e: MessageEvent<FromWorker>) => {
		for (const cb of listeners) cb(e.data);
	};
	worker.onerror = (e: ErrorEvent) => {
		const msg: FromWorker = { type: 'error', message: `training worker failed: ${e.message || 'unknown error'}` };
		for (const cb of listeners) cb(msg);
	};
	return {
		post: (msg) => worker.postMessage(msg),
		onMessage(cb) {
			listeners.add(cb);
			return () => listeners.delete(cb);
		},
		terminate() {
			if (followVisibility) document.removeEventListener('visibilitychange', onVisibility);
			worker.postMessage({ type: 'dispose' } satisfies ToWorker);
			// Give the dispose a moment to free GPU memory before the thread goes.
			setTimeout(() => worker.terminate(), 100);
			listeners.clear();
		}
	};
}

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
import type { FromWorker, ToWorker } from '../protocol';

export interface TrainClient {
	post(msg: ToWorker): void;
	/** Subscribe to worker messages; returns the unsubscribe function. */
	onMessage(cb: (msg: FromWorker) => void): () => void;
	/** Free the worker's tensors and stop it. */
	terminate(): void;
}

/**
 * Start the worker. Visibility (hidden tab, off-screen embed) is not this client's business: one owner posts it, the
 * lab's store (LabRun.setVisibility, fed by src/lib/lab/visibility.ts), which holds it back until the worker is ready.
 */
export function createTrainClient(): TrainClient {
	const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
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
			worker.postMessage({ type: 'dispose' } satisfies ToWorker);
			// Give the dispose a moment to free GPU memory before the thread goes.
			setTimeout(() => worker.terminate(), 100);
			listeners.clear();
		}
	};
}

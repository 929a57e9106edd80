import type { BetaSpec, ProbeOptions, ProbeState, SnapshotResult } from '../../src/lib/probe/index';

/** What every probe worker is started with. */
export interface RelaySetup {
	file: string;
	/** β mode kernel: rows L2-normalised before centring. */
	kernel: boolean;
	/** Eigenpairs per snapshot, min(8, d). */
	topK: number;
	/** Take the spectrum while preparing (dense and Gram routes); false leaves it to the update (Lanczos is warm-started). */
	spectrum: boolean;
	options: Pick<ProbeOptions, 'K' | 'emSteps' | 'converge' | 'maxIter' | 'seed' | 'topK'>;
}

/** Main → worker: a snapshot to probe (the worker prepares it at once), or the state to warm-start snapshot t from. */
export type ToWorker = { kind: 'job'; t: number; beta: BetaSpec } | { kind: 'state'; t: number; state: ProbeState };

/** Worker → main: snapshot t's result and the state after it, or the error met on the way. */
export type FromWorker =
	| { t: number; result: SnapshotResult; state: ProbeState; error?: undefined }
	| { t: number; error: { kind: 'cli' | 'probe' | 'internal'; message: string } };

import type { BetaSpec, ProbeOptions, ProbeState, SnapshotResult } from '../../src/lib/probe/index';

/** What every probing thread is started with. */
export interface RelaySetup {
	file: string;
	/** Snapshots T. */
	count: number;
	/** β mode kernel: rows L2-normalised before centring. */
	kernel: boolean;
	/** Eigenpairs per snapshot, min(8, d). */
	topK: number;
	/** Take the spectrum while preparing (dense and Gram routes); false leaves it to the update (Lanczos is warm-started). */
	spectrum: boolean;
	options: Pick<ProbeOptions, 'K' | 'emSteps' | 'converge' | 'maxIter' | 'seed' | 'topK'>;
}

/** Main → worker: a snapshot to probe. */
export interface Job {
	t: number;
	beta: BetaSpec;
}

/** Thread → next thread in the ring: the state after snapshot t − 1, to warm-start snapshot t from. */
export interface StateMessage {
	t: number;
	state: ProbeState;
}

/** Thread → main: snapshot t's result, or the error met on the way. */
export type Outcome =
	| { t: number; result: SnapshotResult; error?: undefined }
	| { t: number; error: { kind: 'cli' | 'probe' | 'internal'; message: string } };

import type { SnapshotSpectrum } from '../../src/lib/probe/snapshot-spectrum';

/** What every prepare worker is started with. */
export interface PrepareSetup {
	file: string;
	/** β mode kernel: rows L2-normalised before centring. */
	kernel: boolean;
	topK: number;
	/** Compute the spectrum ahead (dense and Gram routes); false leaves it to the in-order probe (Lanczos). */
	spectrum: boolean;
}

/** Main → worker: prepare snapshot t in `buffer` (N·d float64, transferred). */
export interface PrepareJob {
	t: number;
	buffer: ArrayBuffer;
}

/** Worker → main: the buffer back (now the centred rows), with the mean and spectrum, or the error it met. */
export type PrepareReply =
	| { t: number; buffer: ArrayBuffer; mean: Float64Array; eig: SnapshotSpectrum | null; error?: undefined }
	| { t: number; buffer: ArrayBuffer; error: { kind: 'cli' | 'probe' | 'internal'; message: string } };

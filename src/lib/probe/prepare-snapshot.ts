import { centreRows } from './centre-rows';
import { covariance32, loadPoints32, type Points32 } from './float32-kernels';
import { normaliseRows } from './normalise-rows';
import { orientVector } from './orient-vector';
import { scratch } from './scratch';
import { denseRoute, snapshotSpectrum, spectrumOfCovariance, type SnapshotSpectrum } from './snapshot-spectrum';
import type { Matrix } from './types';

/**
 * The part of a probe update that does not depend on the probe's state: the centred rows, their mean and the
 * spectrum. `npm run probe` computes it for later snapshots in worker threads while the warm-started EM of the
 * current one runs (EM needs the previous snapshot's prototypes, so that part stays in order).
 */
export interface PreparedSnapshot {
	mean: Float64Array;
	/** The centred rows in float64; null on the float32 route (probeSnapshot centres the raw rows if it needs them). */
	centred: Float64Array | null;
	/**
	 * The float32 route (prepareSnapshot32): the rows in this thread's kernel memory, for EM and the free energy. Valid
	 * until the next probe call on this thread (the kernel memory is scratch).
	 */
	points32?: Points32;
	/**
	 * Null when left to probeSnapshot: Lanczos (wide data) starts from the previous snapshot's v1, so only the dense
	 * and Gram routes, whose reference fixes nothing but signs, can be computed ahead.
	 */
	eig: SnapshotSpectrum | null;
}

/**
 * Centres Z (L2-normalising its rows first for the `kernel` β mode) and takes its spectrum (docs/theory.md §2).
 * `out` receives the centred rows and may be Z itself when Z is a Float64Array the caller owns (then Z is
 * overwritten, saving one N×d copy). `spectrum: false` leaves `eig` null.
 */
export function prepareSnapshot(
	Z: Matrix,
	n: number,
	d: number,
	kernel: boolean,
	topK: number,
	options: { reference?: Float64Array | null; out?: Float64Array; spectrum?: boolean } = {}
): PreparedSnapshot {
	const inPlace = options.out !== undefined && options.out === Z;
	const rows = kernel ? normaliseRows(Z, n, d, inPlace ? options.out : scratch('unit', n * d)) : Z;
	const { mean, centred } = centreRows(rows, n, d, options.out);
	const eig = options.spectrum === false ? null : snapshotSpectrum(centred, n, d, topK, { reference: options.reference });
	return { mean, centred, eig };
}

/**
 * The spectrum of a prepared snapshot as snapshotSpectrum would have returned it given `reference`: a spectrum
 * computed ahead (without the reference) only needs its signs fixed — orientVector's choice does not depend on the
 * sign it is handed, so the result is bit-identical — and a missing one is computed now.
 */
export function preparedSpectrum(p: PreparedSnapshot, n: number, d: number, topK: number, reference: Float64Array | null): SnapshotSpectrum {
	if (!p.eig) return snapshotSpectrum(p.centred!, n, d, topK, { reference });
	if (reference) for (let r = 0; r < p.eig.values.length; r++) orientVector(p.eig.vectors, r, d, reference);
	return p.eig;
}

/**
 * The float32 route of prepareSnapshot (what probeSnapshot itself takes for float32 rows on the dense route, β mode
 * not `kernel`): the rows loaded into kernel memory and centred there, the covariance by the float32 kernel
 * (float32-kernels.ts states its tolerance) and its spectrum. Null where that route does not apply (wide or Gram
 * route, d < 8, rows too large for kernel memory): use prepareSnapshot. A non-finite value shows as a non-finite
 * `sumSquares` in `points32` (the caller looks for it then).
 */
export function prepareSnapshot32(Z: Float32Array, n: number, d: number, K: number, topK: number): PreparedSnapshot | null {
	if (!denseRoute(n, d)) return null;
	const points32 = loadPoints32(Z, n, d, K);
	if (!points32) return null;
	const finite = Number.isFinite(points32.sumSquares);
	const eig = finite ? spectrumOfCovariance(covariance32(points32, scratch('cov', d * d)), d, points32.sumSquares / n, topK, null) : null;
	return { mean: points32.meanValues, centred: null, points32, eig };
}

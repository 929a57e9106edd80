import { symmetricEigen, type Eigenpairs } from './symmetric-eigen';

export interface TopEigenpairs extends Eigenpairs {
	/** All d eigenvalues, descending (needed for the effective rank and the unstable-direction count). */
	spectrum: Float64Array;
}

/**
 * Leading k eigenpairs of a symmetric d×d matrix (values descending, vectors k×d), plus the full spectrum.
 * `reference` (previous vectors, k×d) keeps signs continuous across snapshots.
 *
 * Measured choice: the dense solver (Householder + QL, only k vectors back-transformed) at every d. The
 * warm-started block iteration (blockPowerEigen) needed ~50 iterations to reach 1e-8 on spectra with the slow
 * decay of hidden states and was slower at d = 32, 128 and 512 (npm run bench:probe), and the probe needs the
 * full spectrum anyway for the effective rank and the unstable-direction count.
 */
export function topEigenpairs(
	A: Float64Array,
	d: number,
	k: number,
	options: { reference?: Float64Array | null; work?: Float64Array } = {}
): TopEigenpairs {
	const e = symmetricEigen(A, d, k, options.reference, options.work);
	return { values: e.values.slice(0, e.k), vectors: e.vectors, k: e.k, spectrum: e.values };
}

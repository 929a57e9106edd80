import { symmetricEigen, type Eigenpairs } from './symmetric-eigen';

export interface TopEigenpairs extends Eigenpairs {
	/** All d eigenvalues, descending (needed for the effective rank and the unstable-direction count). */
	spectrum: Float64Array;
}

/**
 * Leading k eigenpairs of a symmetric d×d matrix (values descending, vectors k×d), plus the full spectrum.
 * `reference` (previous vectors, k×d) keeps signs continuous across snapshots.
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

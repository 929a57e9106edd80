import { applyQ, householderTridiagonal } from './householder-tridiagonal';
import { orientVector } from './orient-vector';
import { tridiagonalEigenvector, tridiagonalQL } from './tridiagonal-ql';

export interface Eigenpairs {
	/** Eigenvalues, descending. Length d for the dense solver, k for the block iteration. */
	values: Float64Array;
	/** Leading k eigenvectors, k×d row-major (row i pairs with values[i]), unit norm. */
	vectors: Float64Array;
	k: number;
}

/**
 * Dense symmetric eigensolver: Householder tridiagonalisation + implicit QL for all d eigenvalues, then only the
 * leading k eigenvectors, by replaying the QL rotations and the reflectors. O(d³) once, plus O(k·d²).
 * `reference` (k×d, e.g. the previous snapshot's vectors) only fixes signs.
 */
export function symmetricEigen(
	A: Float64Array,
	d: number,
	k = d,
	reference?: Float64Array | null,
	work?: Float64Array
): Eigenpairs {
	k = Math.min(k, d);
	const tri = householderTridiagonal(A, d, work);
	const rot = tridiagonalQL(tri.diag, tri.off, d);
	const ev = tri.diag;
	const order = Array.from({ length: d }, (_, i) => i).sort((a, b) => ev[b] - ev[a]);
	const values = new Float64Array(d);
	for (let i = 0; i < d; i++) values[i] = ev[order[i]];
	const vectors = new Float64Array(k * d);
	const x = new Float64Array(d);
	for (let r = 0; r < k; r++) {
		tridiagonalEigenvector(rot, d, order[r], x);
		applyQ(tri, x);
		vectors.set(x, r * d);
		orientVector(vectors, r, d, reference);
	}
	return { values, vectors, k };
}

/**
 * Hessian of the free energy with respect to all prototypes (Kd × Kd), built by central finite differences of the
 * probe's analytic gradient: the numerical check on the closed form (docs/theory.md §2) drawn as dots.
 */
import { freeEnergyGradient, symmetricEigen, type Matrix } from '$lib/probe';

export function finiteDifferenceHessian(Z: Matrix, n: number, d: number, M: Float64Array, K: number, beta: number, h = 1e-5): Float64Array {
	const D = K * d;
	const H = new Float64Array(D * D);
	const x = Float64Array.from(M);
	for (let c = 0; c < D; c++) {
		const x0 = x[c];
		x[c] = x0 + h;
		const gp = freeEnergyGradient(Z, n, d, x, K, beta);
		x[c] = x0 - h;
		const gm = freeEnergyGradient(Z, n, d, x, K, beta);
		x[c] = x0;
		for (let r = 0; r < D; r++) H[r * D + c] = (gp[r] - gm[r]) / (2 * h);
	}
	// Symmetrise away the O(h²) asymmetry.
	for (let r = 0; r < D; r++)
		for (let c = r + 1; c < D; c++) {
			const s = 0.5 * (H[r * D + c] + H[c * D + r]);
			H[r * D + c] = s;
			H[c * D + r] = s;
		}
	return H;
}

/** Eigenvalues (descending) of the finite-difference Hessian at prototypes M. */
export function finiteDifferenceHessianEigenvalues(Z: Matrix, n: number, d: number, M: Float64Array, K: number, beta: number): number[] {
	const H = finiteDifferenceHessian(Z, n, d, M, K, beta);
	return Array.from(symmetricEigen(H, K * d, K * d).values);
}

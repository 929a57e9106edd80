/**
 * Hessian of the free energy with respect to all prototypes (Kd × Kd), built by central finite differences of the
 * probe's analytic gradient: the numerical check on the closed form (docs/theory.md §2) drawn as dots.
 */
import { freeEnergyGradient, symmetricEigen, type Mixture, type Points } from '$lib/probe';

export function finiteDifferenceHessian(points: Points, at: Mixture, h = 1e-5): Float64Array {
	const D = at.K * points.d;
	const H = new Float64Array(D * D);
	const x = Float64Array.from(at.prototypes);
	const shifted = { ...at, prototypes: x };
	for (let c = 0; c < D; c++) {
		const x0 = x[c];
		x[c] = x0 + h;
		const gp = freeEnergyGradient(points, shifted);
		x[c] = x0 - h;
		const gm = freeEnergyGradient(points, shifted);
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
export function finiteDifferenceHessianEigenvalues(points: Points, at: Mixture): number[] {
	const H = finiteDifferenceHessian(points, at);
	const D = at.K * points.d;
	return Array.from(symmetricEigen(H, D, D).values);
}

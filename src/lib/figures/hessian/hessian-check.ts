/**
 * Data for the Hessian figure: closed-form lines h_i(β) and finite-difference eigenvalues at the symmetric state
 * (which must sit on the lines) and at the converged EM state (where the split restabilises the probe).
 */
import { hessianSpectrum, probeSnapshot, type Matrix } from '$lib/probe';
import { finiteDifferenceHessianEigenvalues } from '$lib/theory/finite-difference-hessian';

/** All K prototypes on the mean. */
function symmetricState(mean: ArrayLike<number>, K: number, d: number): Float64Array {
	const M = new Float64Array(K * d);
	for (let k = 0; k < K; k++) for (let j = 0; j < d; j++) M[k * d + j] = mean[j];
	return M;
}

export interface FdCheck {
	beta: number;
	eigenvalues: number[];
	/** Largest |FD − closed form| over the matched, sorted spectra. */
	maxError: number;
}

/** Closed-form spectrum expanded by multiplicity, sorted descending. */
function closedFormSorted(lambdas: number[], beta: number, K: number, d: number): number[] {
	return hessianSpectrum(lambdas, beta, K, d)
		.flatMap((h) => Array.from({ length: h.multiplicity }, () => h.value))
		.sort((a, b) => b - a);
}

export function fdCheckAt(Z: Matrix, n: number, d: number, mean: ArrayLike<number>, lambdas: number[], K: number, beta: number): FdCheck {
	const eigenvalues = finiteDifferenceHessianEigenvalues(Z, n, d, symmetricState(mean, K, d), K, beta);
	const exact = closedFormSorted(lambdas, beta, K, d);
	let maxError = 0;
	for (let i = 0; i < exact.length; i++) maxError = Math.max(maxError, Math.abs(exact[i] - eigenvalues[i]));
	return { beta, eigenvalues, maxError };
}

/** Hessian eigenvalues (finite differences) at the converged EM state for this β. */
export function equilibriumHessian(Z: Matrix, n: number, d: number, K: number, beta: number, seed: number): { eigenvalues: number[]; kEff: number } {
	const { result } = probeSnapshot(Z, n, d, { mode: 'fixed', beta }, null, { K, converge: true, maxIter: 5000, seed });
	return { eigenvalues: finiteDifferenceHessianEigenvalues(Z, n, d, result.prototypes, K, beta), kEff: result.kEff };
}

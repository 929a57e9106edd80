/**
 * Data for the Hessian figure: closed-form lines h_i(β) and finite-difference eigenvalues at the symmetric state
 * (which must sit on the lines) and at the converged EM state (where the split restabilises the probe).
 */
import { hessianSpectrum, probeSnapshot, type Points } from '$lib/probe';
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

/** The symmetric state of a cloud with this mean and covariance spectrum, at K prototypes and precision β. */
export interface SymmetricAt {
	mean: ArrayLike<number>;
	lambdas: number[];
	K: number;
	beta: number;
}

export function fdCheckAt(points: Points, { mean, lambdas, K, beta }: SymmetricAt): FdCheck {
	const d = points.d;
	const eigenvalues = finiteDifferenceHessianEigenvalues(points, { prototypes: symmetricState(mean, K, d), K, beta });
	const exact = closedFormSorted(lambdas, beta, K, d);
	let maxError = 0;
	for (let i = 0; i < exact.length; i++) maxError = Math.max(maxError, Math.abs(exact[i] - eigenvalues[i]));
	return { beta, eigenvalues, maxError };
}

/** Hessian eigenvalues (finite differences) at the converged EM state for this β. */
export function equilibriumHessian(points: Points, { K, beta, seed }: { K: number; beta: number; seed: number }): { eigenvalues: number[]; kEff: number } {
	const { Z, n, d } = points;
	const { result } = probeSnapshot(Z, n, d, { mode: 'fixed', beta }, null, { K, converge: true, maxIter: 5000, seed });
	return { eigenvalues: finiteDifferenceHessianEigenvalues(points, { prototypes: result.prototypes, K, beta }), kEff: result.kEff };
}

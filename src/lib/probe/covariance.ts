import { centreRows } from './centre-rows';
import { covarianceOfCentred } from './covariance-of-centred';
import type { Matrix } from './types';

/** Sample covariance Σ = (Z − z̄)ᵀ(Z − z̄)/N (float64, d×d row-major), with the mean z̄ and tr Σ. */
export function covariance(
	Z: Matrix,
	n: number,
	d: number
): { mean: Float64Array; cov: Float64Array; trace: number } {
	const { mean, centred } = centreRows(Z, n, d);
	const cov = covarianceOfCentred(centred, n, d);
	let trace = 0;
	for (let i = 0; i < d; i++) trace += cov[i * d + i];
	return { mean, cov, trace };
}

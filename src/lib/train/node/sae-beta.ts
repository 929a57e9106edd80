/**
 * Candidate β(t) for the SAE (docs/theory.md §3), besides `residual` (β = d/MSE on the frozen input x):
 * - `encoder-readout`: the `readout` construction with the encoder rows w_j as class prototypes acting on h = x,
 *   ρ = ‖W_c‖_rms·λ1(Cov x)/√(tr Cov x), W = W_eᵀ (m×d) centred over atoms;
 * - `codes`: the probe on the codes z with the residual precision β = d/MSE (z is in x's units because the decoder
 *   rows have unit norm), ρ = d·λ1(Cov z)/MSE.
 * Pure math on plain arrays.
 */
import { covariance } from '../../probe/covariance';
import { readoutRmsNorm } from '../../probe/readout-rms-norm';
import { topEigenpairs } from '../../probe/top-eigenpairs';

/** λ1 and tr of the sample covariance of n×d rows. */
export function leadingVariance(Z: ArrayLike<number>, n: number, d: number): { lambda1: number; trace: number } {
	const { cov, trace } = covariance(Z as Float32Array, n, d);
	return { lambda1: topEigenpairs(cov, d, 1).values[0], trace };
}

/** ρ of the encoder-readout construction; We is d×m row-major (as the model stores it). */
export function encoderReadoutRho(We: ArrayLike<number>, d: number, m: number, x: { lambda1: number; trace: number }): number {
	const W = new Float64Array(m * d);
	for (let i = 0; i < d; i++) for (let j = 0; j < m; j++) W[j * d + i] = We[i * m + j];
	return (readoutRmsNorm(W, m, d) * x.lambda1) / Math.sqrt(x.trace);
}

/** ρ of the probe on the codes at β = d/MSE. */
export function codesRho(z: ArrayLike<number>, n: number, m: number, d: number, mse: number): { rho: number; lambda1: number } {
	const { lambda1 } = leadingVariance(z, n, m);
	return { rho: (d * lambda1) / mse, lambda1 };
}

/** ρ of `residual` mode: d·λ1(Cov x)/MSE. */
export function residualRho(d: number, lambda1x: number, mse: number): number {
	return (d * lambda1x) / mse;
}

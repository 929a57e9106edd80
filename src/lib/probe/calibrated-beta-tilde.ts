import { covariance } from './covariance';
import { ProbeInputError } from './probe-error';
import { symmetricEigen } from './symmetric-eigen';
import type { Matrix } from './types';

/**
 * β̃ of the `calibrated` mode, fixed at a reference snapshot: β̃ = β_ref·tr Σ_ref. Without β_ref the reference
 * sits at its own critical point, β_ref = β_c = 1/λ1 (so ρ = 1 there and ρ_t = β̃λ1_t/tr Σ_t afterwards).
 */
export function calibratedBetaTilde(
	Z: Matrix,
	n: number,
	d: number,
	betaRef?: number
): { betaTilde: number; betaRef: number; trace: number; lambda1: number } {
	const { cov, trace } = covariance(Z, n, d);
	const lambda1 = symmetricEigen(cov, d, 0).values[0];
	if (!(trace > 0) || !(lambda1 > 0)) throw new ProbeInputError('calibrated mode needs a reference snapshot with non-zero variance');
	const beta = betaRef ?? 1 / lambda1;
	return { betaTilde: beta * trace, betaRef: beta, trace, lambda1 };
}

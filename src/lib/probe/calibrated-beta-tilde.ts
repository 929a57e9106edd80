import { centreRows } from './centre-rows';
import { ProbeInputError } from './probe-error';
import { snapshotSpectrum } from './snapshot-spectrum';
import type { Matrix } from './types';

/**
 * β̃ of the `calibrated` mode, fixed at a reference snapshot: β̃ = β_ref·tr Σ_ref. Without β_ref the reference
 * sits at its own critical point, β_ref = β_c = 1/λ1 (so ρ = 1 there and ρ_t = β̃λ1_t/tr Σ_t afterwards).
 * β_ref = 0 is allowed (β̃ = 0: β = 0 at every snapshot, the fully symmetric probe).
 */
export function calibratedBetaTilde(
	Z: Matrix,
	n: number,
	d: number,
	betaRef?: number
): { betaTilde: number; betaRef: number; trace: number; lambda1: number } {
	const { centred } = centreRows(Z, n, d);
	const s = snapshotSpectrum(centred, n, d, 1);
	const trace = s.trace;
	const lambda1 = s.values[0];
	if (!(trace > 0) || !(lambda1 > 0)) throw new ProbeInputError('calibrated mode needs a reference snapshot with non-zero variance', 'degenerate');
	const beta = betaRef ?? 1 / lambda1;
	return { betaTilde: beta * trace, betaRef: beta, trace, lambda1 };
}

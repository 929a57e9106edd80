/**
 * EM one iteration at a time from a tiny split along v1, for the stepper: near the symmetric state each step
 * multiplies the split by βλ1 = ρ, and relaxation near ρ = 1 takes about 1/|ln ρ| iterations per e-fold.
 */
import { emStep, type Points } from '$lib/probe';

export interface StepperStart {
	mean: ArrayLike<number>;
	v1: ArrayLike<number>;
	/** Initial half-split along v1 (absolute units). */
	delta: number;
}

/** K prototypes at z̄ + δ·s_k·v1, s_k evenly spaced in [−1, 1]. */
export function stepperStart(K: number, d: number, { mean, v1, delta }: StepperStart): Float64Array {
	const M = new Float64Array(K * d);
	for (let k = 0; k < K; k++) {
		const s = K === 1 ? 0 : -1 + (2 * k) / (K - 1);
		for (let j = 0; j < d; j++) M[k * d + j] = mean[j] + delta * s * v1[j];
	}
	return M;
}

/** Extent of the prototypes along v1: max − min of the projections. */
export function splitAlong(M: Float64Array, K: number, d: number, v1: ArrayLike<number>): number {
	let lo = Infinity;
	let hi = -Infinity;
	for (let k = 0; k < K; k++) {
		let p = 0;
		for (let j = 0; j < d; j++) p += M[k * d + j] * v1[j];
		lo = Math.min(lo, p);
		hi = Math.max(hi, p);
	}
	return hi - lo;
}

/** Prototypes after 0..iterations EM steps (index i = after i steps). */
export function emTrajectory(points: Points, { start, K, beta, iterations }: { start: Float64Array; K: number; beta: number; iterations: number }): Float64Array[] {
	const out: Float64Array[] = [Float64Array.from(start)];
	for (let i = 0; i < iterations; i++) out.push(emStep(points, { prototypes: out[i], K, beta }));
	return out;
}

import type { Matrix } from './types';

/**
 * s_k = β(z·μ_k − ½‖μ_k‖²) for one row z (offset `o` in Z), into `scores`; returns max_k s_k.
 * This is −β‖z − μ_k‖²/2 up to the k-independent −β‖z‖²/2, so softmax_k(s) are the responsibilities,
 * computed without the cancellation of a large ‖z‖² (science.md §1).
 * `halfNorms[k]` = ½‖μ_k‖² precomputed once per EM step.
 */
export function prototypeScores(
	Z: Matrix,
	o: number,
	d: number,
	prototypes: Float64Array,
	K: number,
	beta: number,
	halfNorms: Float64Array,
	scores: Float64Array
): number {
	let max = -Infinity;
	const d4 = d - (d % 4);
	for (let k = 0; k < K; k++) {
		const m = k * d;
		let a0 = 0;
		let a1 = 0;
		let a2 = 0;
		let a3 = 0;
		let j = 0;
		for (; j < d4; j += 4) {
			a0 += Z[o + j] * prototypes[m + j];
			a1 += Z[o + j + 1] * prototypes[m + j + 1];
			a2 += Z[o + j + 2] * prototypes[m + j + 2];
			a3 += Z[o + j + 3] * prototypes[m + j + 3];
		}
		for (; j < d; j++) a0 += Z[o + j] * prototypes[m + j];
		const s = beta * (a0 + a1 + a2 + a3 - halfNorms[k]);
		scores[k] = s;
		if (s > max) max = s;
	}
	return max;
}

/** ½‖μ_k‖² for each prototype. */
export function prototypeHalfNorms(prototypes: Float64Array, K: number, d: number, out: Float64Array): Float64Array {
	for (let k = 0; k < K; k++) {
		let s = 0;
		for (let j = 0; j < d; j++) s += prototypes[k * d + j] * prototypes[k * d + j];
		out[k] = 0.5 * s;
	}
	return out;
}

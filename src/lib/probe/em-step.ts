import { prototypeHalfNorms, prototypeScores } from './prototype-scores';
import type { Matrix } from './types';

/**
 * One EM step at precision β: μ_k ← Σ_n p_nk z_n / Σ_n p_nk (science.md §1), fused in one pass over the rows
 * (scores, softmax, weighted accumulation) with no per-row allocation. Writes into `out` (K×d; may not alias
 * `prototypes`) and returns it. A prototype whose total responsibility underflows to 0 stays where it was.
 */
export function emStep(
	Z: Matrix,
	n: number,
	d: number,
	prototypes: Float64Array,
	K: number,
	beta: number,
	out?: Float64Array
): Float64Array {
	const next = out && out.length >= K * d && out !== prototypes ? out : new Float64Array(K * d);
	next.fill(0, 0, K * d);
	const half = prototypeHalfNorms(prototypes, K, d, new Float64Array(K));
	const s = new Float64Array(K);
	const weight = new Float64Array(K);
	const d4 = d - (d % 4);
	for (let r = 0; r < n; r++) {
		const o = r * d;
		const max = prototypeScores(Z, o, d, prototypes, K, beta, half, s);
		let sum = 0;
		for (let k = 0; k < K; k++) {
			const e = Math.exp(s[k] - max);
			s[k] = e;
			sum += e;
		}
		const inv = 1 / sum;
		for (let k = 0; k < K; k++) {
			const p = s[k] * inv;
			if (p === 0) continue;
			weight[k] += p;
			const m = k * d;
			let j = 0;
			for (; j < d4; j += 4) {
				next[m + j] += p * Z[o + j];
				next[m + j + 1] += p * Z[o + j + 1];
				next[m + j + 2] += p * Z[o + j + 2];
				next[m + j + 3] += p * Z[o + j + 3];
			}
			for (; j < d; j++) next[m + j] += p * Z[o + j];
		}
	}
	for (let k = 0; k < K; k++) {
		const m = k * d;
		if (weight[k] > 0) {
			const inv = 1 / weight[k];
			for (let j = 0; j < d; j++) next[m + j] *= inv;
		} else {
			for (let j = 0; j < d; j++) next[m + j] = prototypes[m + j];
		}
	}
	return next;
}

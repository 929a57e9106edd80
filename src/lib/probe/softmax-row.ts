/**
 * The one softmax over prototype scores (docs/theory.md §1): in place, scores[o..o+K) → p_k = e^{s_k}/Σ_l e^{s_l},
 * shifted by the row maximum so nothing overflows. Returns log Σ_k e^{s_k} (the free energy needs it; the
 * E-step, the responsibilities and the Hessian-vector product use the probabilities).
 */
export function softmaxRow(scores: Float64Array, o: number, K: number): number {
	let max = -Infinity;
	for (let k = 0; k < K; k++) if (scores[o + k] > max) max = scores[o + k];
	let sum = 0;
	for (let k = 0; k < K; k++) {
		const e = Math.exp(scores[o + k] - max);
		scores[o + k] = e;
		sum += e;
	}
	const inv = 1 / sum;
	for (let k = 0; k < K; k++) scores[o + k] *= inv;
	return max + Math.log(sum);
}

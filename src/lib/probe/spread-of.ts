/**
 * Prototype spread m = √((1/K) Σ_k ‖μ_k − μ̄‖²) in units of √λ1, and its part along v1:
 * projV1 = √((1/K) Σ_k ((μ_k − μ̄)·v1)²)/√λ1 (sign-free; projV1/spread is the cosine between the split and v1).
 */
export function spreadOf(
	prototypes: Float64Array,
	K: number,
	d: number,
	lambda1: number,
	v1?: ArrayLike<number> | null
): { spread: number; projV1: number; m: number } {
	const centre = new Float64Array(d);
	for (let k = 0; k < K; k++) for (let j = 0; j < d; j++) centre[j] += prototypes[k * d + j];
	for (let j = 0; j < d; j++) centre[j] /= K;
	let ss = 0;
	let sp = 0;
	for (let k = 0; k < K; k++) {
		let p = 0;
		for (let j = 0; j < d; j++) {
			const x = prototypes[k * d + j] - centre[j];
			ss += x * x;
			if (v1) p += x * v1[j];
		}
		sp += p * p;
	}
	const m = Math.sqrt(ss / K);
	const unit = lambda1 > 0 ? Math.sqrt(lambda1) : 0;
	return {
		m,
		spread: unit > 0 ? m / unit : 0,
		projV1: unit > 0 && v1 ? Math.sqrt(sp / K) / unit : 0
	};
}

/**
 * Σ = ZcᵀZc / N for already-centred rows, accumulated in float64.
 * Rows are taken four at a time (a rank-4 update of the upper triangle), which quarters the traffic on Σ —
 * the dominant cost of a probe update (N·d²/2 multiply-adds). The lower triangle is mirrored at the end.
 */
export function covarianceOfCentred(Zc: Float64Array, n: number, d: number, out?: Float64Array): Float64Array {
	const C = out && out.length >= d * d ? out : new Float64Array(d * d);
	C.fill(0, 0, d * d);
	let r = 0;
	for (; r + 4 <= n; r += 4) {
		const o0 = r * d;
		const o1 = o0 + d;
		const o2 = o1 + d;
		const o3 = o2 + d;
		for (let i = 0; i < d; i++) {
			const a0 = Zc[o0 + i];
			const a1 = Zc[o1 + i];
			const a2 = Zc[o2 + i];
			const a3 = Zc[o3 + i];
			const row = i * d;
			for (let j = i; j < d; j++) {
				C[row + j] += a0 * Zc[o0 + j] + a1 * Zc[o1 + j] + a2 * Zc[o2 + j] + a3 * Zc[o3 + j];
			}
		}
	}
	for (; r < n; r++) {
		const o = r * d;
		for (let i = 0; i < d; i++) {
			const a = Zc[o + i];
			const row = i * d;
			for (let j = i; j < d; j++) C[row + j] += a * Zc[o + j];
		}
	}
	const inv = 1 / n;
	for (let i = 0; i < d; i++) {
		for (let j = i; j < d; j++) {
			const v = C[i * d + j] * inv;
			C[i * d + j] = v;
			C[j * d + i] = v;
		}
	}
	return C;
}

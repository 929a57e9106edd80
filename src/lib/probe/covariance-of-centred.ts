/**
 * Σ = ZcᵀZc / N for already-centred rows, accumulated in float64 (upper triangle, then mirrored).
 * This N·d²/2 loop is the cost of the spectrum, so it is register-blocked: four data rows × two rows of Σ per
 * pass, each loaded data value feeding two multiply-adds, with short addition trees. Measured at N = 2048,
 * d = 128 this was the fastest of the variants tried (rank-4 rows, rank-8 rows, rank-8 rows × two rows of Σ).
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
		let i = 0;
		for (; i + 2 <= d; i += 2) {
			const a0 = Zc[o0 + i];
			const a1 = Zc[o1 + i];
			const a2 = Zc[o2 + i];
			const a3 = Zc[o3 + i];
			const b0 = Zc[o0 + i + 1];
			const b1 = Zc[o1 + i + 1];
			const b2 = Zc[o2 + i + 1];
			const b3 = Zc[o3 + i + 1];
			const row = i * d;
			const row1 = row + d;
			C[row + i] += a0 * a0 + a1 * a1 + (a2 * a2 + a3 * a3);
			for (let j = i + 1; j < d; j++) {
				const z0 = Zc[o0 + j];
				const z1 = Zc[o1 + j];
				const z2 = Zc[o2 + j];
				const z3 = Zc[o3 + j];
				C[row + j] += a0 * z0 + a1 * z1 + (a2 * z2 + a3 * z3);
				C[row1 + j] += b0 * z0 + b1 * z1 + (b2 * z2 + b3 * z3);
			}
		}
		if (i < d) {
			const a = Zc[o0 + i];
			const b = Zc[o1 + i];
			const c = Zc[o2 + i];
			const e = Zc[o3 + i];
			C[i * d + i] += a * a + b * b + (c * c + e * e);
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

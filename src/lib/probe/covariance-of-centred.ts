import { rank4Pair } from './rank4-accumulate';

/**
 * Σ = ZcᵀZc / N for already-centred rows, accumulated in float64 (upper triangle, then mirrored).
 * This N·d²/2 loop is the cost of the spectrum, so it is register-blocked: four data rows × two rows of Σ per
 * pass (rank4Pair, the kernel emStep shares), each loaded data value feeding two multiply-adds, with short addition
 * trees. Measured at N = 2048, d = 128 this was the fastest of the variants tried (rank-4 rows, rank-8 rows, rank-8
 * rows × two rows of Σ).
 */
export function covarianceOfCentred(Zc: Float64Array, n: number, d: number, out?: Float64Array): Float64Array {
	const C = out && out.length >= d * d ? out : new Float64Array(d * d);
	C.fill(0, 0, d * d);
	let r = 0;
	for (; r + 4 <= n; r += 4) {
		const o = r * d;
		let i = 0;
		// Rows i and i + 1 of Σ from column i on (row i + 1's entry below the diagonal is overwritten by the mirror).
		for (; i + 2 <= d; i += 2) rank4Pair(C, i * d, Zc, o, d, i, Zc, o + i, d);
		if (i < d) {
			const a = Zc[o + i];
			const b = Zc[o + d + i];
			const c = Zc[o + 2 * d + i];
			const e = Zc[o + 3 * d + i];
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

/**
 * The rank-4 update shared by the O(N·K·d) and O(N·d²) loops (emStep, hessianOperator, covarianceOfCentred):
 * out[m + j] += Σ_q a_q·Z[o + q·d + j] and out[m + d + j] += Σ_q b_q·Z[o + q·d + j] for j ∈ [from, d), q = 0..3,
 * with a_q = coef[c + q·stride], b_q = coef[c + 1 + q·stride]. Four data rows × two output rows per pass, so each
 * loaded data value feeds two multiply-adds, with short addition trees (the fastest blocking measured for these
 * loops at N = 2048, d = 128).
 */
export function rank4Pair(
	out: Float64Array,
	m: number,
	Z: Float64Array,
	o: number,
	d: number,
	from: number,
	coef: Float64Array,
	c: number,
	stride: number
): void {
	const m1 = m + d;
	const o1 = o + d;
	const o2 = o1 + d;
	const o3 = o2 + d;
	const a0 = coef[c];
	const a1 = coef[c + stride];
	const a2 = coef[c + 2 * stride];
	const a3 = coef[c + 3 * stride];
	const b0 = coef[c + 1];
	const b1 = coef[c + 1 + stride];
	const b2 = coef[c + 1 + 2 * stride];
	const b3 = coef[c + 1 + 3 * stride];
	for (let j = from; j < d; j++) {
		const z0 = Z[o + j];
		const z1 = Z[o1 + j];
		const z2 = Z[o2 + j];
		const z3 = Z[o3 + j];
		out[m + j] += a0 * z0 + a1 * z1 + (a2 * z2 + a3 * z3);
		out[m1 + j] += b0 * z0 + b1 * z1 + (b2 * z2 + b3 * z3);
	}
}

/**
 * All K rows of out (K×d): out[k·d + j] += Σ_q coef[q·K + k]·Z[o + q·d + j], q = 0..3 (four data rows starting at
 * offset o; coef holds their K coefficients each, row-major). Pairs of rows by rank4Pair, then the odd one.
 */
export function rank4Rows(out: Float64Array, K: number, Z: Float64Array, o: number, d: number, coef: Float64Array): void {
	let k = 0;
	for (; k + 2 <= K; k += 2) rank4Pair(out, k * d, Z, o, d, 0, coef, k, K);
	if (k < K) for (let q = 0; q < 4; q++) addScaledRow(out, k * d, Z, o + q * d, d, coef[q * K + k]);
}

/** out[m + j] += a·Z[o + j] for j < d: one data row into one output row (the tails of the blocked loops). */
export function addScaledRow(out: Float64Array, m: number, Z: ArrayLike<number>, o: number, d: number, a: number): void {
	if (a === 0) return;
	for (let j = 0; j < d; j++) out[m + j] += a * Z[o + j];
}

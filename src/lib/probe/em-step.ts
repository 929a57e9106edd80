import { prototypeHalfNorms, prototypeScores, prototypeScores4, softmaxRows } from './prototype-scores';
import type { Matrix } from './types';

/**
 * One EM step at precision β: μ_k ← Σ_n p_nk z_n / Σ_n p_nk (docs/theory.md §1). Rows are processed four at a time
 * (scores, softmax, then a rank-4 accumulation into the new prototypes), with no per-row allocation: this
 * O(NKd) loop is most of a live probe update. Writes into `out` (K×d; may not alias `prototypes`) and returns
 * it. A prototype whose total responsibility underflows to 0 stays where it was.
 * Float64 rows take the blocked path; Float32 rows (rare: the probe centres into float64) the simple one.
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
	const P = new Float64Array(4 * K);
	const weight = new Float64Array(K);
	let r = 0;
	if (Z instanceof Float64Array) {
		for (; r + 4 <= n; r += 4) {
			const o0 = r * d;
			const o1 = o0 + d;
			const o2 = o1 + d;
			const o3 = o2 + d;
			prototypeScores4(Z, o0, d, prototypes, K, beta, half, P);
			softmaxRows(P, 4, K, weight);
			// Rank-4 accumulation, two prototypes per pass so each loaded row value feeds two of them.
			let k = 0;
			for (; k + 2 <= K; k += 2) {
				const m = k * d;
				const m1 = m + d;
				const p0 = P[k];
				const p1 = P[K + k];
				const p2 = P[2 * K + k];
				const p3 = P[3 * K + k];
				const q0 = P[k + 1];
				const q1 = P[K + k + 1];
				const q2 = P[2 * K + k + 1];
				const q3 = P[3 * K + k + 1];
				for (let j = 0; j < d; j++) {
					const z0 = Z[o0 + j];
					const z1 = Z[o1 + j];
					const z2 = Z[o2 + j];
					const z3 = Z[o3 + j];
					next[m + j] += p0 * z0 + p1 * z1 + (p2 * z2 + p3 * z3);
					next[m1 + j] += q0 * z0 + q1 * z1 + (q2 * z2 + q3 * z3);
				}
			}
			if (k < K) {
				const m = k * d;
				const p0 = P[k];
				const p1 = P[K + k];
				const p2 = P[2 * K + k];
				const p3 = P[3 * K + k];
				for (let j = 0; j < d; j++) {
					next[m + j] += p0 * Z[o0 + j] + p1 * Z[o1 + j] + (p2 * Z[o2 + j] + p3 * Z[o3 + j]);
				}
			}
		}
	}
	for (; r < n; r++) {
		const o = r * d;
		prototypeScores(Z, o, d, prototypes, K, beta, half, P);
		softmaxRows(P, 1, K, weight);
		for (let k = 0; k < K; k++) {
			const p = P[k];
			if (p === 0) continue;
			const m = k * d;
			for (let j = 0; j < d; j++) next[m + j] += p * Z[o + j];
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

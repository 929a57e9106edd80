import { softmaxRow } from './softmax-row';
import type { Matrix, Mixture, Points } from './types';

/** A mixture ready to score rows: ½‖μ_k‖² computed once per kernel call (mixtureScorer). */
export interface Scorer extends Mixture {
	halfNorms: Float64Array;
}

/** The setup every mixture kernel shares: the prototypes' half squared norms, once per call. */
export function mixtureScorer(mixture: Mixture, d: number): Scorer {
	const { prototypes, K, beta } = mixture;
	return { prototypes, K, beta, halfNorms: prototypeHalfNorms(prototypes, K, d, new Float64Array(K)) };
}

/**
 * s_k = β(z·μ_k − ½‖μ_k‖²) for one row z (offset `o` in Z), into `scores`; returns max_k s_k.
 * This is −β‖z − μ_k‖²/2 up to the k-independent −β‖z‖²/2, so softmax_k(s) are the responsibilities,
 * computed without the cancellation of a large ‖z‖² (docs/theory.md §1).
 */
export function prototypeScores(Z: Matrix, o: number, d: number, scorer: Scorer, scores: Float64Array): number {
	const { prototypes, K, beta, halfNorms } = scorer;
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

/**
 * Scores of four consecutive rows at once (rows o, o+d, o+2d, o+3d) into scores[q·K + k], two prototypes per
 * pass: each loaded coordinate feeds two or four multiply-adds, which is what makes the O(NKd) E-step cheap
 * (measured 1.4× faster than one prototype per pass at N = 2048, d = 128, K = 8). A deliberate unrolled twin of
 * prototypeScores (equal to it in unrolled-kernels.spec.ts): the pair loop and the odd-prototype tail below are
 * the same dot products, kept apart so the common even-K pass carries no branch.
 */
export function prototypeScores4(Z: Float64Array, o: number, d: number, scorer: Scorer, scores: Float64Array): void {
	const { prototypes, K, beta, halfNorms } = scorer;
	const o1 = o + d;
	const o2 = o1 + d;
	const o3 = o2 + d;
	let k = 0;
	for (; k + 2 <= K; k += 2) {
		const m = k * d;
		const m1 = m + d;
		let a0 = 0;
		let a1 = 0;
		let a2 = 0;
		let a3 = 0;
		let c0 = 0;
		let c1 = 0;
		let c2 = 0;
		let c3 = 0;
		for (let j = 0; j < d; j++) {
			const mj = prototypes[m + j];
			const nj = prototypes[m1 + j];
			const z0 = Z[o + j];
			const z1 = Z[o1 + j];
			const z2 = Z[o2 + j];
			const z3 = Z[o3 + j];
			a0 += z0 * mj;
			a1 += z1 * mj;
			a2 += z2 * mj;
			a3 += z3 * mj;
			c0 += z0 * nj;
			c1 += z1 * nj;
			c2 += z2 * nj;
			c3 += z3 * nj;
		}
		setScores4(scores, K, k, beta, halfNorms[k], a0, a1, a2, a3);
		setScores4(scores, K, k + 1, beta, halfNorms[k + 1], c0, c1, c2, c3);
	}
	if (k < K) {
		const m = k * d;
		let a0 = 0;
		let a1 = 0;
		let a2 = 0;
		let a3 = 0;
		for (let j = 0; j < d; j++) {
			const mj = prototypes[m + j];
			a0 += Z[o + j] * mj;
			a1 += Z[o1 + j] * mj;
			a2 += Z[o2 + j] * mj;
			a3 += Z[o3 + j] * mj;
		}
		setScores4(scores, K, k, beta, halfNorms[k], a0, a1, a2, a3);
	}
}

/** scores[q·K + k] = β(dot_q − h) for the four rows q. */
function setScores4(scores: Float64Array, K: number, k: number, beta: number, h: number, a0: number, a1: number, a2: number, a3: number): void {
	scores[k] = beta * (a0 - h);
	scores[K + k] = beta * (a1 - h);
	scores[2 * K + k] = beta * (a2 - h);
	scores[3 * K + k] = beta * (a3 - h);
}

/**
 * Scores every row of the points, a block at a time: float64 rows four at a time (prototypeScores4), the rest
 * one by one (prototypeScores). `visit(r, rows)` then finds the scores of rows r … r + rows − 1 in `scores`
 * (rows×K, row-major; it may overwrite them, e.g. softmax in place). `scores` needs 4·K entries.
 */
export function scoreRows(
	{ Z, n, d }: Points,
	scorer: Scorer,
	scores: Float64Array,
	visit: (r: number, rows: 1 | 4) => void
): void {
	let r = 0;
	if (Z instanceof Float64Array) {
		for (; r + 4 <= n; r += 4) {
			prototypeScores4(Z, r * d, d, scorer, scores);
			visit(r, 4);
		}
	}
	for (; r < n; r++) {
		prototypeScores(Z, r * d, d, scorer, scores);
		visit(r, 1);
	}
}

/** In place: scores[q·K..] → softmax over k for each of `rows` rows (softmaxRow); adds Σ_q p_qk to `weight`. */
export function softmaxRows(scores: Float64Array, rows: number, K: number, weight: Float64Array): void {
	for (let q = 0; q < rows; q++) {
		const o = q * K;
		softmaxRow(scores, o, K);
		for (let k = 0; k < K; k++) weight[k] += scores[o + k];
	}
}

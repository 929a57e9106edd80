import { mixtureScorer, scoreRows, softmaxRows } from './prototype-scores';
import { addScaledRow, rank4Rows } from './rank4-accumulate';
import type { Mixture, Points } from './types';

/**
 * One EM step at precision β: μ_k ← Σ_n p_nk z_n / Σ_n p_nk (docs/theory.md §1). Float64 rows are processed four
 * at a time (scores, softmax, then a rank-4 accumulation into the new prototypes), with no per-row allocation: this
 * O(NKd) loop is most of a live probe update. Writes into `out` (K×d; may not alias the prototypes) and returns
 * it. A prototype whose total responsibility underflows to 0 stays where it was.
 */
export function emStep(points: Points, mixture: Mixture, out?: Float64Array): Float64Array {
	const { Z, d } = points;
	const { prototypes, K } = mixture;
	const next = out && out.length >= K * d && out !== prototypes ? out : new Float64Array(K * d);
	next.fill(0, 0, K * d);
	const P = new Float64Array(4 * K);
	const weight = new Float64Array(K);
	scoreRows(points, mixtureScorer(mixture, d), P, (r, rows) => {
		softmaxRows(P, rows, K, weight);
		if (rows === 4) rank4Rows(next, K, Z as Float64Array, r * d, d, P);
		else for (let k = 0; k < K; k++) addScaledRow(next, k * d, Z, r * d, d, P[k]);
	});
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

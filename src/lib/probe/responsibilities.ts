import { mixtureScorer, prototypeScores } from './prototype-scores';
import { softmaxRow } from './softmax-row';
import type { Mixture, Points } from './types';

/** p_nk = softmax_k(−β‖z_n − μ_k‖²/2), N×K row-major (docs/theory.md §1). */
export function responsibilities(points: Points, mixture: Mixture, out?: Float64Array): Float64Array {
	const { Z, n, d } = points;
	const K = mixture.K;
	const P = out && out.length >= n * K ? out : new Float64Array(n * K);
	const scorer = mixtureScorer(mixture, d);
	const s = new Float64Array(K);
	for (let r = 0; r < n; r++) {
		prototypeScores(Z, r * d, d, scorer, s);
		softmaxRow(s, 0, K);
		P.set(s, r * K);
	}
	return P;
}

import { prototypeHalfNorms, prototypeScores } from './prototype-scores';
import { softmaxRow } from './softmax-row';
import type { Matrix } from './types';

/** p_nk = softmax_k(−β‖z_n − μ_k‖²/2), N×K row-major (docs/theory.md §1). */
export function responsibilities(
	Z: Matrix,
	n: number,
	d: number,
	prototypes: Float64Array,
	K: number,
	beta: number,
	out?: Float64Array
): Float64Array {
	const P = out && out.length >= n * K ? out : new Float64Array(n * K);
	const half = prototypeHalfNorms(prototypes, K, d, new Float64Array(K));
	const s = new Float64Array(K);
	for (let r = 0; r < n; r++) {
		prototypeScores(Z, r * d, d, prototypes, K, beta, half, s);
		softmaxRow(s, 0, K);
		P.set(s, r * K);
	}
	return P;
}

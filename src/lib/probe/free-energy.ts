import { mixtureScorer, scoreRows } from './prototype-scores';
import { softmaxRow } from './softmax-row';
import type { Mixture, Points } from './types';

/**
 * F(M; β) = −(1/β)(1/N) Σ_n log[(1/K) Σ_k exp(−β‖z_n − μ_k‖²/2)] (docs/theory.md §1), evaluated as
 * (1/N) Σ_n [½‖z_n‖² − (logΣ_k e^{s_nk} − log K)/β] with s_nk = β(z_n·μ_k − ½‖μ_k‖²).
 * At β = 0 it is the limit (1/N)Σ_n (1/K)Σ_k ½‖z_n − μ_k‖².
 */
export function freeEnergy(points: Points, mixture: Mixture): number {
	const { Z, n, d } = points;
	const { prototypes, K, beta } = mixture;
	if (beta === 0) {
		let total = 0;
		for (let r = 0; r < n; r++) {
			for (let k = 0; k < K; k++) {
				let s = 0;
				for (let j = 0; j < d; j++) {
					const x = Z[r * d + j] - prototypes[k * d + j];
					s += x * x;
				}
				total += s / (2 * K);
			}
		}
		return total / n;
	}
	const s = new Float64Array(4 * K);
	const logK = Math.log(K);
	let total = 0;
	// Σ_n −(log Σ_k e^{s_nk} − log K)/β, a block of rows at a time.
	scoreRows(points, mixtureScorer(mixture, d), s, (_r, rows) => {
		for (let q = 0; q < rows; q++) total -= (softmaxRow(s, q * K, K) - logK) / beta;
	});
	let z2 = 0;
	for (let i = 0; i < n * d; i++) z2 += Z[i] * Z[i];
	return (total + 0.5 * z2) / n;
}

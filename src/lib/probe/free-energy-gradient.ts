import { responsibilities } from './responsibilities';
import type { Mixture, Points } from './types';

/** ∂F/∂μ_k = (1/N) Σ_n p_nk (μ_k − z_n) (docs/theory.md §1), K×d row-major. */
export function freeEnergyGradient(points: Points, mixture: Mixture): Float64Array {
	const { Z, n, d } = points;
	const { prototypes, K } = mixture;
	const P = responsibilities(points, mixture);
	const g = new Float64Array(K * d);
	for (let r = 0; r < n; r++) {
		for (let k = 0; k < K; k++) {
			const p = P[r * K + k];
			for (let j = 0; j < d; j++) g[k * d + j] += p * (prototypes[k * d + j] - Z[r * d + j]);
		}
	}
	for (let i = 0; i < K * d; i++) g[i] /= n;
	return g;
}

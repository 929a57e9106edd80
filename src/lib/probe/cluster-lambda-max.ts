import { responsibilities } from './responsibilities';
import { symmetricEigen } from './symmetric-eigen';
import type { Mixture, Points } from './types';

/**
 * λmax(C_k) for each prototype, C_k = Σ_n p_nk (z_n − μ_k)(z_n − μ_k)ᵀ / Σ_n p_nk the responsibility-weighted
 * covariance: cluster k splits again when β·λmax(C_k) = 1 (docs/theory.md §2). Cost K·N·d².
 */
export function clusterLambdaMax(points: Points, mixture: Mixture): number[] {
	const { Z, n, d } = points;
	const { prototypes, K } = mixture;
	const P = responsibilities(points, mixture);
	const out: number[] = [];
	const C = new Float64Array(d * d);
	const x = new Float64Array(d);
	for (let k = 0; k < K; k++) {
		C.fill(0);
		let w = 0;
		for (let r = 0; r < n; r++) {
			const p = P[r * K + k];
			if (p === 0) continue;
			w += p;
			for (let j = 0; j < d; j++) x[j] = Z[r * d + j] - prototypes[k * d + j];
			for (let i = 0; i < d; i++) {
				const a = p * x[i];
				for (let j = i; j < d; j++) C[i * d + j] += a * x[j];
			}
		}
		if (!(w > 0)) {
			out.push(0);
			continue;
		}
		for (let i = 0; i < d; i++)
			for (let j = i; j < d; j++) {
				C[i * d + j] /= w;
				C[j * d + i] = C[i * d + j];
			}
		out.push(symmetricEigen(C, d, 0).values[0]);
	}
	return out;
}

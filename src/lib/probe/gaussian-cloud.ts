import { sampleAffineGaussian } from '../clouds/affine-gaussian';
import { createRng } from '../random';

/**
 * Seeded Gaussian samples with a given covariance in a random rotation: rows z = Q·diag(√variances)·g + mean.
 * For tests, fixtures and the benchmark. Returns the rows (N×d float64) and the rotation Q (d×d, columns are the
 * true eigenvectors, in the order of `variances`).
 */
export function gaussianCloud(
	n: number,
	variances: number[],
	seed = 1,
	options: { rotate?: boolean; mean?: number[] } = {}
): { Z: Float64Array; Q: Float64Array } {
	const d = variances.length;
	const rng = createRng(seed);
	const Q = new Float64Array(d * d);
	for (let i = 0; i < d; i++) Q[i * d + i] = 1;
	if (options.rotate) {
		// Gram–Schmidt on a Gaussian matrix gives a Haar-like random orthogonal Q.
		for (let i = 0; i < d * d; i++) Q[i] = rng.normal();
		for (let c = 0; c < d; c++) {
			for (let p = 0; p < c; p++) {
				let dot = 0;
				for (let r = 0; r < d; r++) dot += Q[r * d + c] * Q[r * d + p];
				for (let r = 0; r < d; r++) Q[r * d + c] -= dot * Q[r * d + p];
			}
			let norm = 0;
			for (let r = 0; r < d; r++) norm += Q[r * d + c] ** 2;
			norm = Math.sqrt(norm);
			for (let r = 0; r < d; r++) Q[r * d + c] /= norm;
		}
	}
	const Z = sampleAffineGaussian(n, { std: variances.map(Math.sqrt), Q, offset: options.mean }, rng.normal);
	return { Z, Q };
}

import type { Matrix } from './types';

/**
 * Column mean x̄ of an n×d row-major matrix and Σ_i ‖x_i − x̄‖² (in float64), without a centred copy: the size of a
 * readout's class-dependent part (readout-rms-norm.ts) and of an uploaded file's spread (train/upload-config.ts).
 */
export function centredSumOfSquares(X: Matrix, n: number, d: number): { mean: Float64Array; sumSquares: number } {
	const mean = new Float64Array(d);
	for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += X[i * d + j];
	for (let j = 0; j < d; j++) mean[j] /= n;
	let sumSquares = 0;
	for (let i = 0; i < n; i++) {
		for (let j = 0; j < d; j++) {
			const v = X[i * d + j] - mean[j];
			sumSquares += v * v;
		}
	}
	return { mean, sumSquares };
}

import type { Matrix } from './types';

/**
 * Column mean z̄ of an N×d row-major matrix and the centred copy Zc = Z − z̄ in float64.
 * `out` (length ≥ n·d) is reused when given, so the live probe allocates nothing per snapshot.
 */
export function centreRows(
	Z: Matrix,
	n: number,
	d: number,
	out?: Float64Array
): { mean: Float64Array; centred: Float64Array } {
	const mean = new Float64Array(d);
	for (let r = 0; r < n; r++) {
		const o = r * d;
		for (let j = 0; j < d; j++) mean[j] += Z[o + j];
	}
	for (let j = 0; j < d; j++) mean[j] /= n;
	const centred = out && out.length >= n * d ? out : new Float64Array(n * d);
	for (let r = 0; r < n; r++) {
		const o = r * d;
		for (let j = 0; j < d; j++) centred[o + j] = Z[o + j] - mean[j];
	}
	return { mean, centred };
}

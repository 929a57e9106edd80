import type { Matrix } from './types';

/**
 * Rows scaled to unit L2 norm (the `kernel` β mode works on the sphere: exp(uᵀv/τ) ∝ exp(−‖u−v‖²/2τ)).
 * A zero row stays zero. Returns float64; `out` is reused when long enough.
 */
export function normaliseRows(Z: Matrix, n: number, d: number, out?: Float64Array): Float64Array {
	const U = out && out.length >= n * d ? out : new Float64Array(n * d);
	for (let r = 0; r < n; r++) {
		const o = r * d;
		let s = 0;
		for (let j = 0; j < d; j++) s += Z[o + j] * Z[o + j];
		const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
		for (let j = 0; j < d; j++) U[o + j] = Z[o + j] * inv;
	}
	return U;
}

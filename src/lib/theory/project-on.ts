/** x_n = v1ᵀ(z_n − z̄). */
export function projectOn(Z: ArrayLike<number>, n: number, d: number, mean: ArrayLike<number>, v: ArrayLike<number>): Float64Array {
	const out = new Float64Array(n);
	for (let r = 0; r < n; r++) {
		let x = 0;
		for (let j = 0; j < d; j++) x += (Z[r * d + j] - mean[j]) * v[j];
		out[r] = x;
	}
	return out;
}

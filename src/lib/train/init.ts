/**
 * Seeded parameter initialisation on the JS side, so that the same seed gives the same weights on every backend.
 * Conventions follow PyTorch's defaults: embeddings N(0, 1), linear layers U(±1/√fan_in).
 */
import type { Rng } from './seeded';

export function normalInit(rng: Rng, n: number, std: number): Float32Array {
	return rng.normals(n, std);
}

export function uniformInit(rng: Rng, n: number, bound: number): Float32Array {
	const out = new Float32Array(n);
	for (let i = 0; i < n; i++) out[i] = (2 * rng.next() - 1) * bound;
	return out;
}

/** Rows of unit norm (n rows of length d). */
export function unitRowsInit(rng: Rng, rows: number, d: number): Float32Array {
	const out = rng.normals(rows * d);
	for (let r = 0; r < rows; r++) {
		let s = 0;
		for (let j = 0; j < d; j++) s += out[r * d + j] ** 2;
		const inv = 1 / Math.sqrt(s);
		for (let j = 0; j < d; j++) out[r * d + j] *= inv;
	}
	return out;
}

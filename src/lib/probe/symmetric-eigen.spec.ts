import { afterEach, describe, expect, it } from 'vitest';
import { createRng } from '../random';
import { symmetricEigen } from './symmetric-eigen';
import { disableWasmKernels } from './wasm/wasm-kernels';

afterEach(() => disableWasmKernels(false));

/** A random symmetric d×d matrix with eigenvalues `values` (Q diag Qᵀ, Q from Gram–Schmidt of a Gaussian matrix). */
function withSpectrum(values: number[], seed: number): Float64Array {
	const d = values.length;
	const rng = createRng(seed);
	const Q = Float64Array.from({ length: d * d }, () => rng.normal());
	for (let i = 0; i < d; i++) {
		for (let j = 0; j < i; j++) {
			let dot = 0;
			for (let t = 0; t < d; t++) dot += Q[i * d + t] * Q[j * d + t];
			for (let t = 0; t < d; t++) Q[i * d + t] -= dot * Q[j * d + t];
		}
		let norm = 0;
		for (let t = 0; t < d; t++) norm += Q[i * d + t] ** 2;
		for (let t = 0; t < d; t++) Q[i * d + t] /= Math.sqrt(norm);
	}
	const A = new Float64Array(d * d);
	for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) for (let i = 0; i < d; i++) A[a * d + b] += Q[i * d + a] * values[i] * Q[i * d + b];
	return A;
}

describe('symmetricEigen: the k leading eigenvectors (kernel back-transform and the TypeScript one)', () => {
	for (const [d, k, label] of [
		[16, 8, 'distinct'],
		[33, 3, 'distinct'],
		[128, 8, 'distinct'],
		[40, 8, 'pairs of equal eigenvalues (Fourier features come so)']
	] as const) {
		it(`d ${d}, k ${k}, ${label}: A v = λ v and orthonormal to 1e-10, both paths agree`, () => {
			const values = Array.from({ length: d }, (_, i) => (label.startsWith('pairs') ? 1 / (1 + (i >> 1)) : 1 / (1 + i) + 0.05));
			const A = withSpectrum(values, d + k);
			const fast = symmetricEigen(A, d, k);
			disableWasmKernels(true);
			const ref = symmetricEigen(A, d, k);
			for (const e of [fast, ref]) {
				for (let r = 0; r < k; r++) {
					for (let i = 0; i < d; i++) {
						let av = 0;
						for (let j = 0; j < d; j++) av += A[i * d + j] * e.vectors[r * d + j];
						expect(Math.abs(av - e.values[r] * e.vectors[r * d + i])).toBeLessThan(1e-10);
					}
					for (let s = 0; s <= r; s++) {
						let dot = 0;
						for (let i = 0; i < d; i++) dot += e.vectors[r * d + i] * e.vectors[s * d + i];
						expect(Math.abs(dot - (r === s ? 1 : 0))).toBeLessThan(1e-10);
					}
				}
			}
			// With equal eigenvalues any orthonormal basis of the eigenspace is right; otherwise the vectors are unique.
			if (!label.startsWith('pairs')) for (let i = 0; i < k * d; i++) expect(Math.abs(fast.vectors[i] - ref.vectors[i])).toBeLessThan(1e-10);
			for (let i = 0; i < d; i++) expect(Math.abs(fast.values[i] - ref.values[i])).toBeLessThan(1e-13);
		});
	}
});

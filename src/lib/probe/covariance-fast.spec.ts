import { describe, expect, it } from 'vitest';
import { covarianceFast } from './covariance-fast';
import { covarianceOfCentred } from './covariance-of-centred';
import { gaussianCloud } from './gaussian-cloud';
import { centreRows } from './centre-rows';
import { wasmKernels } from './wasm/wasm-kernels';

describe('covarianceFast (WebAssembly SIMD) against the TypeScript reference', () => {
	it('the kernel loads in Node (so the fast path is what runs here)', () => {
		expect(wasmKernels()).not.toBeNull();
	});
	for (const [n, d] of [
		[64, 8],
		[101, 9],
		[203, 33],
		[1000, 128]
	]) {
		it(`N ${n} × d ${d} (padding of rows and of an odd width): equal to 1e-13 relative`, () => {
			const Z = gaussianCloud(n, Array.from({ length: d }, (_, i) => 3 / (1 + i)), n + d, { rotate: true, mean: Array(d).fill(5) }).Z;
			const { centred } = centreRows(Z, n, d);
			const ref = covarianceOfCentred(centred, n, d);
			const fast = covarianceFast(centred, n, d);
			let scale = 0;
			for (let i = 0; i < d; i++) scale = Math.max(scale, ref[i * d + i]);
			for (let i = 0; i < d * d; i++) expect(Math.abs(fast[i] - ref[i])).toBeLessThan(1e-13 * scale);
			// Symmetric, as the reference.
			for (let i = 0; i < d; i++) for (let j = 0; j < i; j++) expect(fast[i * d + j]).toBe(fast[j * d + i]);
		});
	}
});

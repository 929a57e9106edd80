import { describe, expect, it } from 'vitest';
import { centreRows } from './centre-rows';
import { covarianceOfCentred } from './covariance-of-centred';
import { gaussianCloud } from './gaussian-cloud';
import { householderReference, householderTridiagonal } from './householder-tridiagonal';
import { symmetricEigen } from './symmetric-eigen';
import { tridiagonalQL } from './tridiagonal-ql';
import { wasmKernels } from './wasm/wasm-kernels';

describe('symmetric eigensolver on nearly-zero blocks', () => {
	it('gives finite eigenvectors when a column tail is subnormal (dead ReLU units)', () => {
		// diag(1..6) with a first row whose sub-diagonal part is 0 and whose tail is 1e-160: its squared norm is
		// subnormal, and reflecting it made 2/‖v‖² overflow to ∞ (the lab's principal directions turned NaN).
		const d = 6;
		const A = new Float64Array(d * d);
		for (let i = 0; i < d; i++) A[i * d + i] = i + 1;
		for (let j = 2; j < d; j++) A[j] = A[j * d] = 1e-160;
		const e = symmetricEigen(A, d, 3, null);
		expect(Array.from(e.vectors).every(Number.isFinite)).toBe(true);
		expect(Array.from(e.values.slice(0, 3))).toEqual([6, 5, 4]);
		for (let c = 0; c < 3; c++) {
			for (let i = 0; i < d; i++) {
				let s = 0;
				for (let j = 0; j < d; j++) s += A[i * d + j] * e.vectors[c * d + j];
				expect(Math.abs(s - e.values[c] * e.vectors[c * d + i])).toBeLessThan(1e-12);
			}
		}
	});
});

describe('Householder tridiagonalisation on the WebAssembly kernels against the TypeScript reference', () => {
	for (const d of [16, 17, 33, 128]) {
		it(`d ${d} (odd widths, dead units): same eigenvalues to 1e-12·‖A‖, A v = λ v, the same reflected columns`, () => {
			const n = 3 * d;
			const Z = gaussianCloud(n, Array.from({ length: d }, (_, i) => (i % 7 === 3 ? 0 : 2 / (1 + i))), d, { rotate: false }).Z;
			const { centred } = centreRows(Z, n, d);
			const A = covarianceOfCentred(centred, n, d);
			expect(wasmKernels()).not.toBeNull();
			const ref = householderReference(A, d);
			const fast = householderTridiagonal(A, d);
			let scale = 0;
			for (let i = 0; i < d; i++) scale = Math.max(scale, A[i * d + i]);
			// T itself is not unique where the data has exact zero directions (tails at the ε·‖A‖ threshold); its
			// eigenvalues are. The first column (well away from the threshold) agrees entry by entry.
			expect(Math.abs(fast.diag[0] - ref.diag[0])).toBeLessThan(1e-13 * scale);
			expect(Math.abs(Math.abs(fast.off[0]) - Math.abs(ref.off[0]))).toBeLessThan(1e-13 * scale);
			const eigenvalues = (t: typeof ref) => {
				const diag = t.diag.slice();
				tridiagonalQL(diag, t.off.slice(), d);
				return Array.from(diag).sort((a, b) => b - a);
			};
			const [ef, er] = [eigenvalues(fast), eigenvalues(ref)];
			for (let i = 0; i < d; i++) expect(Math.abs(ef[i] - er[i])).toBeLessThan(1e-12 * scale);
			const e = symmetricEigen(A, d, 4, null);
			for (let c = 0; c < 4; c++) {
				for (let i = 0; i < d; i++) {
					let s = 0;
					for (let j = 0; j < d; j++) s += A[i * d + j] * e.vectors[c * d + j];
					expect(Math.abs(s - e.values[c] * e.vectors[c * d + i])).toBeLessThan(1e-12 * scale);
				}
			}
		});
	}
});

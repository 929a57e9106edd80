import { describe, expect, it } from 'vitest';
import { symmetricEigen } from './symmetric-eigen';

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

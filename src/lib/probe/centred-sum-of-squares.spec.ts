import { describe, expect, it } from 'vitest';
import { centredSumOfSquares } from './centred-sum-of-squares';

describe('centredSumOfSquares', () => {
	it('column mean and Σ‖x − x̄‖² of a small matrix, float32 or float64 rows', () => {
		const rows = [1, 2, 3, 4, 5, 9];
		for (const X of [Float64Array.from(rows), Float32Array.from(rows)]) {
			const { mean, sumSquares } = centredSumOfSquares(X, 3, 2);
			expect(Array.from(mean)).toEqual([3, 5]);
			expect(sumSquares).toBe(4 + 0 + 4 + (9 + 1 + 16));
		}
	});
});

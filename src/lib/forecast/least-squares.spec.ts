import { describe, expect, it } from 'vitest';
import { fitLinear, fitLogistic, predictLinear, predictLogistic, solve } from './least-squares';
import { mulberry32 } from '../random';

describe('least squares', () => {
	it('solves a small system with pivoting', () => {
		const x = solve(
			[
				[0, 2, 1],
				[1, 1, 0],
				[3, 0, 1]
			],
			[5, 3, 6]
		);
		// Check by substitution, not against typed numbers.
		expect(0 * x[0] + 2 * x[1] + x[2]).toBeCloseTo(5, 12);
		expect(x[0] + x[1]).toBeCloseTo(3, 12);
		expect(3 * x[0] + x[2]).toBeCloseTo(6, 12);
		expect(() => solve([[0]], [1])).toThrow(/singular/);
	});

	it('recovers a noiseless linear law through the standardisation', () => {
		const rand = mulberry32(3);
		const X = Array.from({ length: 30 }, () => [rand() * 4, rand() - 0.5, 10 + rand()]);
		const y = X.map(([a, b, c]) => 1.5 - 2 * a + 0.7 * b + 0.3 * c);
		const m = fitLinear(X, y, 0);
		for (const x of [
			[1, 0.2, 10.5],
			[3.3, -0.4, 10.1]
		]) {
			expect(predictLinear(m, x)).toBeCloseTo(1.5 - 2 * x[0] + 0.7 * x[1] + 0.3 * x[2], 8);
		}
	});

	it('separates two classes with a finite logistic model, and handles a single class', () => {
		const X = [[-3], [-2], [-1.5], [-1], [1], [1.2], [2], [3]];
		const y = [0, 0, 0, 0, 1, 1, 1, 1];
		const m = fitLogistic(X, y);
		expect(m.weights.every(Number.isFinite)).toBe(true);
		expect(predictLogistic(m, [-2.5])).toBeLessThan(0.2);
		expect(predictLogistic(m, [2.5])).toBeGreaterThan(0.8);
		expect(predictLogistic(fitLogistic(X, X.map(() => 0)), [5])).toBeLessThan(1e-3);
		expect(() => fitLogistic([], [])).toThrow(/non-empty/);
	});
});

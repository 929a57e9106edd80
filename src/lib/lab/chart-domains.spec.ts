import { describe, expect, it } from 'vitest';
import { linearDomain, logDomain, positiveOrNaN, stepDomain, symmetricExtent } from './chart-domains';

describe('chart domains', () => {
	it('linear: spans finite values and the included ones, padded', () => {
		expect(linearDomain([1, NaN, 3], [0], 0)).toEqual([0, 3]);
		expect(linearDomain([2, 2], [], 0.5)).toEqual([1, 3]);
		expect(linearDomain([])).toEqual([0, 1]);
	});

	it('log: ignores non-positive values and keeps the included ones', () => {
		expect(logDomain([0, -1, 2, 8], [1], 1)).toEqual([1, 8]);
		const [a, b] = logDomain([3], [], 1);
		expect(b / a).toBeCloseTo(2.5);
		expect(Math.sqrt(a * b)).toBeCloseTo(3);
		const [lo, hi] = logDomain([], [], 2);
		expect(lo).toBeGreaterThan(0);
		expect(hi).toBeGreaterThan(lo);
	});

	it('step axis has a minimum span', () => {
		expect(stepDomain([], 100)).toEqual([0, 100]);
		expect(stepDomain([0, 25], 100)).toEqual([0, 100]);
		expect(stepDomain([50, 500], 100)).toEqual([50, 500]);
	});

	it('positiveOrNaN', () => {
		expect(positiveOrNaN([1, 0, -2, Infinity])).toEqual([1, NaN, NaN, NaN]);
	});

	it('symmetric extent covers every finite coordinate', () => {
		expect(symmetricExtent(new Float32Array([1, -2]), [NaN, 0.5])).toBeCloseTo(2.1);
		expect(symmetricExtent(new Float32Array(0))).toBe(1);
	});
});

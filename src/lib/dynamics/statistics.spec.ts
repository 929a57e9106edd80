import { describe, expect, it } from 'vitest';
import { escapeHistogram, escapeStatistics, quantileSorted, sortedEscapeTimes } from './statistics';

describe('escape statistics', () => {
	it('computes type-7 quantiles', () => {
		const sorted = sortedEscapeTimes([4, 1, 3, 2, 5]);
		expect(Array.from(sorted)).toEqual([1, 2, 3, 4, 5]);
		expect(quantileSorted(sorted, 0.5)).toBe(3);
		expect(quantileSorted(sorted, 0.25)).toBe(2);
		expect(quantileSorted(sorted, 0.1)).toBeCloseTo(1.4, 12);
		expect(quantileSorted(new Float64Array(0), 0.5)).toBeNaN();
	});

	it('treats paths that never escaped as +Infinity', () => {
		const s = escapeStatistics([10, 20, Infinity, NaN, 30]);
		expect(s.escapedFraction).toBeCloseTo(0.6, 12);
		expect(s.median).toBe(30);
		expect(s.q25).toBe(20);
		expect(s.q75).toBe(Infinity);
		expect(s.min).toBe(10);
		expect(s.max).toBe(30);
		const none = escapeStatistics([Infinity, Infinity]);
		expect(none.median).toBe(Infinity);
		expect(none.escapedFraction).toBe(0);
		expect(none.min).toBeNaN();
	});

	it('bins on a linear scale', () => {
		const h = escapeHistogram([0, 1, 2, 3, 4, Infinity, -1], { bins: 4, scale: 'linear', min: 0, max: 4 });
		expect(Array.from(h.edges)).toEqual([0, 1, 2, 3, 4]);
		expect(Array.from(h.counts)).toEqual([1, 1, 1, 2]);
		expect(h.below).toBe(1);
		expect(h.notEscaped).toBe(1);
	});

	it('bins on a log scale with geometric edges', () => {
		const h = escapeHistogram([1, 5, 10, 50, 100, 1000], { bins: 2, scale: 'log', min: 1, max: 100 });
		expect(h.edges[1]).toBeCloseTo(10, 10);
		expect(Array.from(h.counts)).toEqual([2, 3]);
		expect(h.above).toBe(1);
		const auto = escapeHistogram([2, 8], { bins: 2, scale: 'log' });
		expect(auto.edges[0]).toBe(2);
		expect(auto.edges[1]).toBeCloseTo(4, 12);
		expect(auto.edges[2]).toBe(8);
		expect(Array.from(auto.counts)).toEqual([1, 1]);
	});
});

import { describe, expect, it } from 'vitest';
import { logTicks } from './log-ticks';

describe('logTicks', () => {
	it('gives 1-2-5 ticks inside the range', () => {
		expect(logTicks(0.3, 6)).toEqual([0.5, 1, 2, 5]);
	});
	it('thins to decades, then to every n-th decade, never more than max', () => {
		expect(logTicks(0.01, 1000, 6)).toEqual([0.01, 0.1, 1, 10, 100, 1000]);
		const wide = logTicks(1e-6, 1e6, 5);
		expect(wide.length).toBeLessThanOrEqual(5);
		expect(wide[0]).toBe(1e-6);
	});
	it('returns nothing for a range a log axis cannot show', () => {
		expect(logTicks(0, 10)).toEqual([]);
		expect(logTicks(Number.NaN, 10)).toEqual([]);
	});
});

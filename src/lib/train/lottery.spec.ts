import { describe, expect, it } from 'vitest';
import { lotteryStats, ranks, spearman } from './lottery';

describe('lottery statistics', () => {
	it('ranks with ties and computes Spearman', () => {
		expect(Array.from(ranks([10, 20, 20, 5]))).toEqual([2, 3.5, 3.5, 1]);
		expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1, 12);
		expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
		expect(spearman([1, 2, 3, 4], [1, 4, 9, 16.5])).toBeCloseTo(1, 12);
	});

	it('takes the top decile by early purity over atoms alive at both times', () => {
		const m = 20;
		const early = Float32Array.from({ length: m }, (_, j) => j / m);
		const final = Float32Array.from({ length: m }, (_, j) => (j >= 18 ? 0.9 : 0.3));
		const alive = new Uint8Array(m).fill(1);
		const finalAlive = alive.slice();
		finalAlive[0] = 0; // dead at the end: excluded
		const s = lotteryStats(50, early, alive, final, finalAlive, 0.3);
		expect(s.nAlive).toBe(19);
		// Top decile of 19 atoms = ceil(1.9) = 2 atoms: j = 19, 18 → final 0.9.
		expect(s.topDecilePurity).toBeCloseTo(0.9, 6);
		expect(s.ratioToBaseline).toBeCloseTo(3, 6);
		expect(s.meanPurity).toBeCloseTo((17 * 0.3 + 2 * 0.9) / 19, 6);
		expect(s.ratioToMean).toBeCloseTo(0.9 / ((17 * 0.3 + 2 * 0.9) / 19), 6);
		expect(s.spearman).toBeGreaterThan(0.5);
		expect(s.earlyStep).toBe(50);
	});
});

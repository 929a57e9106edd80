import { describe, expect, it } from 'vitest';
import { fromPercentRows, lotteryView, spearmanToFinal, stepIndex, type LotteryData } from './lottery-data';

/** Ten atoms, three steps; early purity at step 50, final at step 100. */
function constructed(early: number[], final: number[], baseline = 0.05): LotteryData {
	return { steps: [0, 50, 100], purity: early.map((e, j) => [0.1, e, final[j]]), baseline, earlyStep: 50 };
}

describe('lottery statistics on constructed cases', () => {
	it('a perfect lottery: final purity increasing with early purity', () => {
		const early = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95];
		const final = [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8];
		const v = lotteryView(constructed(early, final));
		expect(v.atoms).toBe(10);
		expect(v.spearman).toBeCloseTo(1, 12);
		// Top decile of 10 atoms = 1 atom, the one with early 0.95 → final 0.8.
		expect(v.top.filter(Boolean)).toHaveLength(1);
		expect(v.top[9]).toBe(true);
		expect(v.topDecilePurity).toBeCloseTo(0.8, 12);
		expect(v.ratioToBaseline).toBeCloseTo(0.8 / 0.05, 10);
		const mean = final.reduce((s, x) => s + x, 0) / 10;
		expect(v.meanPurity).toBeCloseTo(mean, 12);
		expect(v.ratioToMean).toBeCloseTo(0.8 / mean, 10);
		expect(v.order[0]).toBe(9);
		expect(v.order[9]).toBe(0);
	});

	it('a reversed lottery gives Spearman −1 and the worst final purity on top', () => {
		const early = [0.1, 0.2, 0.3, 0.4, 0.5];
		const final = [0.9, 0.8, 0.7, 0.6, 0.5];
		const v = lotteryView(constructed(early, final));
		expect(v.spearman).toBeCloseTo(-1, 12);
		expect(v.topDecilePurity).toBeCloseTo(0.5, 12);
		expect(v.ratioToMean).toBeCloseTo(0.5 / 0.7, 10);
	});

	it('dead atoms (NaN) are left out of every statistic and sorted last', () => {
		const early = [0.1, NaN, 0.3, 0.4, 0.5];
		const final = [0.2, 0.9, 0.4, NaN, 0.6];
		const v = lotteryView(constructed(early, final));
		expect(v.atoms).toBe(3);
		expect(v.spearman).toBeCloseTo(1, 12);
		expect(v.top[4]).toBe(true);
		expect(v.top[3]).toBe(false);
		expect(v.order.at(-1)).toBe(3);
	});

	it('Spearman to the final purity is 1 at the last step and uses the chosen column', () => {
		const d = constructed([0.5, 0.4, 0.3, 0.2], [0.2, 0.3, 0.4, 0.5]);
		d.purity = d.purity.map((r, j) => [[0.2, 0.3, 0.4, 0.5][j], r[1], r[2]]);
		expect(spearmanToFinal(d, 2)).toBeCloseTo(1, 12);
		expect(spearmanToFinal(d, 1)).toBeCloseTo(-1, 12);
		expect(spearmanToFinal(d, 0)).toBeCloseTo(1, 12);
	});

	it('percent rows with −1 for dead atoms become per-atom purities', () => {
		const d = fromPercentRows([0, 10], [[-1, 20], [50, 100]], 0.05, 10);
		expect(d.purity).toHaveLength(2);
		expect(Number.isNaN(d.purity[0][0])).toBe(true);
		expect(d.purity[0][1]).toBeCloseTo(0.5);
		expect(d.purity[1]).toEqual([0.2, 1]);
		expect(stepIndex(d, 7)).toBe(1);
	});
});

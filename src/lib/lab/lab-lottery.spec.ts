import { describe, expect, it } from 'vitest';
import { labLotteryData, thinIndices } from './lab-lottery';
import { fakeSnapshot } from './snapshot-fixture';

function saeSnap(step: number, purity: number[], alive: number[], baseline: number | null) {
	const s = fakeSnapshot(step, 'sae');
	if (s.metrics.kind !== 'sae') throw new Error('fixture');
	s.metrics.purity = Float32Array.from(purity);
	s.metrics.alive = Uint8Array.from(alive);
	s.metrics.lottery =
		baseline === null
			? null
			: { earlyStep: 25, nAlive: 3, spearman: 0, topDecilePurity: 0, baseline, meanPurity: 0, ratioToBaseline: 0, ratioToMean: 0 };
	return s;
}

describe('lab lottery data', () => {
	it('thins columns but keeps first, last and the early index', () => {
		const idx = thinIndices(200, 10, [17]);
		expect(idx[0]).toBe(0);
		expect(idx.at(-1)).toBe(199);
		expect(idx).toContain(17);
		expect(idx.length).toBeLessThanOrEqual(11);
		expect(thinIndices(3, 60)).toEqual([0, 1, 2]);
	});

	it('waits until the early step is reached', () => {
		const r = labLotteryData([saeSnap(0, [0.1, 0.2], [1, 1], null)], 25);
		expect(r.ok).toBe(false);
	});

	it('builds per-atom purity over steps, dead atoms as NaN, early and now as columns', () => {
		const snaps = [
			saeSnap(0, [0.1, 0.2, 0.3], [1, 1, 0], null),
			saeSnap(25, [0.2, 0.4, 0.5], [1, 1, 1], 0.05),
			saeSnap(50, [0.6, 0.5, 0.9], [1, 0, 1], 0.05)
		];
		const r = labLotteryData(snaps, 25);
		if (!r.ok) throw new Error(r.reason);
		expect(r.data.steps).toEqual([0, 25, 50]);
		expect(r.data.baseline).toBeCloseTo(0.05);
		expect(r.data.purity[0].map((v) => Number(v.toFixed(3)))).toEqual([0.1, 0.2, 0.6]);
		expect(Number.isNaN(r.data.purity[2][0])).toBe(true);
		expect(Number.isNaN(r.data.purity[1][2])).toBe(true);
	});
});

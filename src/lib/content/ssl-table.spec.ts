import { describe, expect, it } from 'vitest';
import type { SslSummary } from '../train/run-summary';
import { crossingAfterDip } from '../train/ssl-crossing';
import { sslRunStats, sslStepTable, sslTable } from './ssl-table';
import type { SweepDocument } from './sweep-table';

function run(seed: number, tau: number, scale: number) {
	const summary = { toy: 'ssl', steps: 40 } as unknown as SslSummary;
	const trajectory = {
		step: [0, 10, 20, 30, 40],
		rho: [1.2, 0.4, 0.8, 1.6, 1.2].map((r) => r * scale),
		knnAcc: [0.2, 0.4, 0.7, 1, 0.9],
		rawKnnAcc: [0.5, 0.5, 0.5, 0.5, 0.5],
		wt: [0.9, 0.5, 0.2, 0.1, 0.3],
		effectiveRank: [10, 8, 6, 5, 7]
	};
	return { seed, weightDecay: 0, tau, data: 'synthetic', summary, trajectory };
}

const doc = (runs: ReturnType<typeof run>[]): SweepDocument => ({ command: 'c', date: '2026-11-30', backend: 'wasm', preset: 'ssl', runs });

describe('SSL crossing after the dip', () => {
	it('is the interpolated upward crossing of 1 after the minimum before the peak', () => {
		expect(crossingAfterDip([0, 10, 20, 30, 40], [1.2, 0.4, 0.8, 1.6, 1.2])).toEqual({ dipIndex: 1, step: 22.5, index: 3 });
		// Never below 1, or never back above it: no crossing.
		expect(crossingAfterDip([0, 10, 20], [1.2, 1.1, 1.5]).step).toBeNull();
		expect(crossingAfterDip([0, 10, 20], [0.9, 0.4, 0.6]).step).toBeNull();
	});
});

describe('SSL tables', () => {
	it('statistics come from the trajectory columns', () => {
		const s = sslRunStats(run(1, 0.1, 1).trajectory);
		expect(s).toMatchObject({ rawKnn: 0.5, knnStart: 0.2, knnMax: 1, knnFinal: 0.9, knnHalfRise: 20, dip: 0.4, dipStep: 10, crossing: 22.5 });
		expect(s).toMatchObject({ knnAtCrossing: 1, peak: 1.6, peakStep: 30, wtMin: 0.1, wtMinStep: 30, effFinal: 7 });
		expect(s.foldBack).toBeCloseTo(25, 10);
	});

	it('one column per data source and τ, ranges over seeds, a repeated (data, τ, seed) counted once', () => {
		const seeds = doc([run(1, 0.1, 1), run(2, 0.1, 1.3)]);
		const taus = doc([run(1, 0.1, 1), run(1, 0.5, 0.5)]);
		const table = sslTable([seeds, taus]).split('\n');
		expect(table[0]).toBe('| | synthetic, τ = 0.1 | synthetic, τ = 0.5 |');
		expect(table).toContain('| seeds | 1,2 | 1 |');
		expect(table).toContain('| kNN, raw inputs (baseline) | 0.500 | 0.500 |');
		expect(table).toContain('| ρ peak (step) | 1.60–2.08 (30) | 0.80 (30) |');
		// At half the scale ρ never gets back to 1: no crossing.
		expect(table.find((l) => l.startsWith('| ρ crosses 1 after the dip'))).toMatch(/\| 19–23 \| – \|$/);
		const steps = sslStepTable([seeds], [0, 30, 200]).split('\n');
		expect(steps.slice(2)).toEqual(['| 0 | 1.20–1.56 / 0.20 |', '| 30 | 1.60–2.08 / 1 |', '| 200 | – |']);
	});
});

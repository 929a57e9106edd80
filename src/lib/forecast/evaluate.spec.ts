import { describe, expect, it } from 'vitest';
import { crossValidate, scoresOf } from './evaluate';
import type { ForecastRun } from './models';
import { mulberry32 } from '../random';

/**
 * Synthetic sweeps: t_sb follows ln(t_sb/t_mem) = 1 + log ρ (runs with a steep ρ slope never escape). In `probeWorld`
 * ρ varies from seed to seed inside each (wd, fraction) cell, so only the probe can know it; in `hyperWorld` ρ is a
 * noisy copy of a quantity the hyper-parameters fix.
 */
function sweep(probeWorld: boolean): ForecastRun[] {
	const rand = mulberry32(probeWorld ? 7 : 8);
	const runs: ForecastRun[] = [];
	for (const wd of [0, 0.3, 1, 3])
		for (const trainFraction of [0.6, 0.7, 0.8])
			for (const seed of [1, 2, 3]) {
				const logRhoTrue = probeWorld ? 0.5 + 2 * rand() : 2 - Math.log(wd + 0.05) * 0.5 + trainFraction;
				const slope = wd === 0 ? 1 : 0.2;
				const tSb = wd === 0 ? null : Math.round(75 * Math.exp(1 + logRhoTrue));
				const logRho = probeWorld ? logRhoTrue : logRhoTrue + (rand() - 0.5) * 1.5;
				runs.push({ seed, weightDecay: wd, trainFraction, steps: 3000, tSb, features: { tMem: 75, tAnchor: 150, logRho, rhoSlope: slope, betaCSlope: -0.1 } });
			}
	return runs;
}

describe('held-out forecast evaluation', () => {
	it('the probe wins where the signal is in the predictors only', () => {
		const runs = sweep(true);
		const probe = crossValidate(runs, 'probe', 'seed').scores;
		const cell = crossValidate(runs, 'cell', 'seed').scores;
		expect(probe.n).toBe(36);
		expect(probe.accuracy).toBe(1);
		expect(probe.medianAbsLog).toBeLessThan(0.05);
		expect(cell.medianAbsLog).toBeGreaterThan(5 * probe.medianAbsLog);
	});

	it('the hyper-parameter baseline wins where the probe reads a noisy copy of the settings', () => {
		const runs = sweep(false);
		const probe = crossValidate(runs, 'probe', 'seed').scores;
		const cell = crossValidate(runs, 'cell', 'seed').scores;
		expect(cell.medianAbsLog).toBeLessThan(0.05);
		expect(probe.medianAbsLog).toBeGreaterThan(cell.medianAbsLog);
	});

	it('scores with the median |ln| error and the share within ×1.5', () => {
		const p = (predicted: number, actual: number | null, pGeneralise = 1) => ({ seed: 1, weightDecay: 1, trainFraction: 0.7, predicted, actual, pGeneralise, timed: actual !== null });
		const s = scoresOf([p(100, 100), p(200, 100), p(100, 140), p(50, null, 0.2), p(50, null, 0.9)]);
		expect(s.n).toBe(5);
		expect(s.accuracy).toBeCloseTo(4 / 5, 12);
		expect(s.nTimed).toBe(3);
		expect(s.medianAbsLog).toBeCloseTo(Math.log(1.4), 12);
		expect(s.within15).toBeCloseTo(2 / 3, 12);
	});
});

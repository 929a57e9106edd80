import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildForecastFit, spearman, type ForecastFitDocument } from './fit-document';
import { crossValidate, scoresOf } from './evaluate';
import { forecastRuns } from './sweep-runs';

/**
 * The saved forecast study must be what the saved sweep gives: recompute every held-out error from
 * content/data/forecast-sweep.json (and the p = 59 transfer from grokking-sweep.json) and compare with
 * content/data/forecast-fit.json. Nothing here is a typed-in result.
 */
const read = (f: string) => JSON.parse(readFileSync(f, 'utf8'));
const sweep = read('content/data/forecast-sweep.json');
const transfer = read('content/data/grokking-sweep.json');
const saved = read('content/data/forecast-fit.json') as ForecastFitDocument;

describe('the saved forecast study', () => {
	const fresh = buildForecastFit(sweep, transfer);

	it('has the held-out errors the sweep gives, for every split and model', () => {
		for (const split of ['seed', 'fraction'] as const) {
			for (const [name, e] of Object.entries(saved.heldOut[split])) {
				const f = (fresh.heldOut[split] as Record<string, typeof e>)[name];
				expect(f.scores.n, `${split}/${name}`).toBe(e.scores.n);
				expect(f.scores.nTimed).toBe(e.scores.nTimed);
				expect(f.scores.accuracy).toBeCloseTo(e.scores.accuracy, 10);
				expect(f.scores.medianAbsLog).toBeCloseTo(e.scores.medianAbsLog, 8);
				expect(f.scores.within15).toBeCloseTo(e.scores.within15, 10);
				f.points.forEach((p, i) => expect(p.predicted).toBeCloseTo(e.points[i].predicted, 6));
			}
		}
		expect(fresh.probeBeatsBaseline).toEqual(saved.probeBeatsBaseline);
		expect(fresh.rangeLog).toBeCloseTo(saved.rangeLog, 3);
		expect(fresh.spearman).toBeCloseTo(saved.spearman, 3);
		expect(fresh.anchorSensitivity.length).toBe(saved.anchorSensitivity.length);
		fresh.anchorSensitivity.forEach((a, i) => {
			expect(a.seed.probe.medianAbsLog).toBeCloseTo(saved.anchorSensitivity[i].seed.probe.medianAbsLog, 8);
			expect(a.fraction.hyper.medianAbsLog).toBeCloseTo(saved.anchorSensitivity[i].fraction.hyper.medianAbsLog, 8);
		});
	});

	it('saved scores are the scores of its saved points', () => {
		for (const e of [...Object.values(saved.heldOut.seed), ...Object.values(saved.heldOut.fraction)]) {
			const s = scoresOf(e.points);
			expect(s.medianAbsLog).toBeCloseTo(e.scores.medianAbsLog, 10);
			expect(s.within15).toBeCloseTo(e.scores.within15, 10);
		}
	});

	it('rotates over three seeds and three train fractions of a full grid, and predicts each run once', () => {
		const runs = forecastRuns(sweep);
		const seeds = new Set(runs.map((r) => r.seed));
		const fractions = new Set(runs.map((r) => r.trainFraction));
		expect(seeds.size).toBe(3);
		expect(fractions.size).toBe(3);
		const cv = crossValidate(runs, 'probe', 'seed');
		expect(cv.points.length).toBe(runs.filter((r) => r.features !== null).length);
		expect(new Set(cv.points.map((p) => `${p.seed}|${p.weightDecay}|${p.trainFraction}`)).size).toBe(cv.points.length);
	});

	it('the lab model is the fit on every run', () => {
		expect(fresh.model.regressor.weights.length).toBe(4);
		fresh.model.regressor.weights.forEach((w, i) => expect(w).toBeCloseTo(saved.model.regressor.weights[i], 6));
		fresh.model.classifier.weights.forEach((w, i) => expect(w).toBeCloseTo(saved.model.classifier.weights[i], 6));
	});

	it('Spearman is a rank correlation', () => {
		expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1, 12);
		expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
		expect(spearman([1, 2, 3, 4], [1, 100, 2, 3])).toBeCloseTo(0.4, 12);
	});
});

import { describe, expect, it } from 'vitest';
import { liveForecast } from './live';
import type { SavedProbeModel } from './models';

/** A hand-made model: generalises iff the ρ slope is below 0.5; ln(t_sb/t_mem) = 2 + log ρ. */
const model: SavedProbeModel = {
	classifier: { scaling: { mean: [0, 0.5, 0], std: [1, 0.01, 1] }, weights: [0, 0, -10, 0] },
	regressor: { scaling: { mean: [0, 0, 0], std: [1, 1, 1] }, weights: [2, 1, 0, 0] }
};

function series(slope: number, upTo: number) {
	const steps = Array.from({ length: upTo / 25 + 1 }, (_, i) => i * 25);
	return {
		steps,
		rho: steps.map((t) => (t === 0 ? 0.1 : (t / 150) ** slope)),
		betaC: steps.map(() => 1),
		trainAcc: steps.map((t) => (t >= 75 ? 1 : 0.5))
	};
}
const opts = (now: number) => ({ now, runLength: 3000, rangeLog: Math.log(1.5) });

describe('live forecast', () => {
	it('waits until twice the memorisation step', () => {
		const f = liveForecast(series(0.2, 125), null, model, opts(125));
		expect(f.state).toBe('waiting');
		expect(f.step).toBeNull();
	});

	it('forecasts a step with a range from the model, then confirms or misses it', () => {
		// At the anchor ρ = 1 → ln ratio 2 → t_sb = 75·e² ≈ 554 → 555 (rounded to 5).
		const f = liveForecast(series(0.2, 200), null, model, opts(200));
		expect(f.state).toBe('forecast');
		expect(f.step).toBe(Math.round((75 * Math.exp(2)) / 5) * 5);
		expect(f.low).toBeLessThan(f.step!);
		expect(f.high).toBeGreaterThan(f.step!);
		expect(liveForecast(series(0.2, 600), 560, model, opts(600)).state).toBe('confirmed');
		expect(liveForecast(series(0.2, 2000), 1500, model, opts(2000)).state).toBe('missed');
		expect(liveForecast(series(0.2, 1000), null, model, opts(1000)).state).toBe('missed');
	});

	it('says "no escape" when ρ keeps rising, confirms it at the end of the run, misses it if the run escapes', () => {
		const f = liveForecast(series(1.5, 300), null, model, opts(300));
		expect(f.state).toBe('forecast');
		expect(f.noEscape).toBe(true);
		expect(f.step).toBeNull();
		expect(f.reason).toMatch(/no escape/);
		expect(liveForecast(series(1.5, 3000), null, model, opts(3000)).state).toBe('confirmed');
		expect(liveForecast(series(1.5, 3000), 2000, model, opts(3000)).state).toBe('missed');
	});

	it('never forecasts a step before the forecast point', () => {
		const early: SavedProbeModel = { ...model, regressor: { scaling: model.regressor.scaling, weights: [-1, 0, 0, 0] } };
		const f = liveForecast(series(0.2, 200), null, early, opts(200));
		expect(f.step).toBe(f.features!.tAnchor);
		expect(f.low).toBe(f.features!.tAnchor);
	});

	it('does not score a symmetry breaking that came before the forecast point', () => {
		const f = liveForecast(series(0.2, 300), 100, model, opts(300));
		expect(f.state).toBe('waiting');
		expect(f.reason).toMatch(/too fast to forecast/);
	});
});

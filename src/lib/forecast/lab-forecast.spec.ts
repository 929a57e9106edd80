import { describe, expect, it } from 'vitest';
import { labForecast, lastWeightDecayChange, shouldIntervene } from './lab-forecast';
import type { SavedProbeModel } from './models';
import type { LiveForecast } from './live';

/** Generalises iff the ρ slope is below 0.5; ln(t_sb/t_mem) = 2. */
const model: SavedProbeModel = {
	classifier: { scaling: { mean: [0, 0.5, 0], std: [1, 0.01, 1] }, weights: [0, 0, -10, 0] },
	regressor: { scaling: { mean: [0, 0, 0], std: [1, 1, 1] }, weights: [2, 0, 0, 0] }
};

/** ρ ∝ t^1.5 (runaway) until `change`, flat after it. */
function series(upTo: number, change = Infinity) {
	const steps = Array.from({ length: upTo / 25 + 1 }, (_, i) => i * 25);
	return {
		steps,
		rho: steps.map((t) => (t === 0 ? 0.1 : (Math.min(t, change) / 100) ** 1.5)),
		betaC: steps.map(() => 1),
		trainAcc: steps.map((t) => (t >= 75 ? 1 : 0.5))
	};
}

describe('lab forecast', () => {
	it('finds the last weight-decay change', () => {
		expect(lastWeightDecayChange([])).toBe(0);
		expect(lastWeightDecayChange([{ step: 100, key: 'weightDecay', value: 1 }, { step: 300, key: 'lr', value: 1e-3 }, { step: 200, key: 'weightDecay', value: 2 }])).toBe(200);
	});

	it('says no escape for a runaway ρ, and re-forecasts after a weight-decay change', () => {
		const before = labForecast({ series: series(300), symmetryBreaking: null, hyperChanges: [], now: 300, runLength: 3000 }, model, 0.4);
		expect(before.noEscape).toBe(true);
		expect(before.state).toBe('forecast');
		const changes = [{ step: 200, key: 'weightDecay' as const, value: 1 }];
		const waiting = labForecast({ series: series(375, 200), symmetryBreaking: null, hyperChanges: changes, now: 375, runLength: 3000 }, model, 0.4);
		expect(waiting.state).toBe('waiting');
		const after = labForecast({ series: series(450, 200), symmetryBreaking: null, hyperChanges: changes, now: 450, runLength: 3000 }, model, 0.4);
		expect(after.from).toBe(200);
		expect(after.noEscape).toBe(false);
		expect(after.step).toBe(Math.round((200 * Math.exp(2)) / 5) * 5);
	});

	it('intervenes once, only on a "no escape" forecast, only below the target', () => {
		const f = { state: 'forecast', noEscape: true } as LiveForecast;
		expect(shouldIntervene(f, true, 0, 1, false)).toBe(true);
		expect(shouldIntervene(f, false, 0, 1, false)).toBe(false);
		expect(shouldIntervene(f, true, 0, 1, true)).toBe(false);
		expect(shouldIntervene(f, true, 1, 1, false)).toBe(false);
		expect(shouldIntervene({ ...f, noEscape: false }, true, 0, 1, false)).toBe(false);
		expect(shouldIntervene({ ...f, state: 'waiting' }, true, 0, 1, false)).toBe(false);
	});
});

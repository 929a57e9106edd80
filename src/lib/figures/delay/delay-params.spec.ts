// The delay figure's dissipation γ must act over the whole range its slider and URL allow (it used to be clamped
// to 0.012 by the URL schema while the ramp slider went to 1), and no setting may run for minutes.
import { describe, expect, it } from 'vitest';
import { predictEscapeTime, escapeLag } from '$lib/dynamics';
import { decodeState } from '$lib/state/schema';
import { FIGURE_SCHEMAS } from '$lib/state/figures';
import { delayParams, GAMMA_MAX, ETA_RANGE, MAX_SIM_STEPS, type DelayState } from './delay-params';

const base: DelayState = { schedule: 'ramp', gamma: 0, eta: 0.011, sigma: 1e-6, epsilon: 1e-2, seed: 1 };
const grid = (max: number) => Array.from({ length: 11 }, (_, i) => (max * i) / 10);

describe('delay figure parameters', () => {
	it('the URL keeps γ up to the ramp slider maximum', () => {
		expect(GAMMA_MAX.ramp).toBe(1);
		const s = decodeState(FIGURE_SCHEMAS.delay, new URLSearchParams('gamma=0.8&schedule=ramp'));
		expect(s.gamma).toBe(0.8);
		expect(decodeState(FIGURE_SCHEMAS.delay, new URLSearchParams('gamma=7')).gamma).toBe(1);
	});

	it('ramp: the predicted escape and the lag rise strictly with γ over its whole range [0, 1]', () => {
		const ts = grid(GAMMA_MAX.ramp).map((gamma) => predictEscapeTime(delayParams({ ...base, gamma }))!);
		for (let k = 1; k < ts.length; k++) expect(ts[k]).toBeGreaterThan(ts[k - 1]);
		// γ/ε = 100 time units of extra delay at γ = 1, ε = 0.01.
		expect(ts[10] - ts[0]).toBeCloseTo(100, 6);
		const lags = grid(GAMMA_MAX.ramp).map((gamma) => {
			const p = delayParams({ ...base, gamma });
			return escapeLag(p.schedule, predictEscapeTime(p)!)!.value;
		});
		for (let k = 1; k < lags.length; k++) expect(lags[k]).toBeGreaterThan(lags[k - 1]);
	});

	it('plateau: γ raises the drive the probe sees (μ0 = η + γ) and so the lag in probe e-folds, over [0, max]', () => {
		const plateau = { ...base, schedule: 'plateau' };
		const lags = grid(GAMMA_MAX.plateau).map((gamma) => {
			const p = delayParams({ ...plateau, gamma });
			expect(p.schedule).toEqual({ kind: 'plateau', mu0: 0.011 + gamma });
			return escapeLag(p.schedule, predictEscapeTime(p)!)!.value;
		});
		for (let k = 1; k < lags.length; k++) expect(lags[k]).toBeGreaterThan(lags[k - 1]);
	});

	it('plateau: the escape time falls as η grows (slow drive, long delay)', () => {
		const plateau = { ...base, schedule: 'plateau', sigma: 1e-5 };
		const etas = [ETA_RANGE.min, 0.003, 0.011, 0.03, ETA_RANGE.max];
		const ts = etas.map((eta) => predictEscapeTime(delayParams({ ...plateau, eta }))!);
		for (let k = 1; k < ts.length; k++) expect(ts[k]).toBeLessThan(ts[k - 1]);
	});

	it('caps the horizon: ?schedule=plateau&gamma=0.012&sigma=1e-10 at the slowest η stops after MAX_SIM_STEPS', () => {
		const p = delayParams({ ...base, schedule: 'plateau', gamma: 0.012, sigma: 1e-10, eta: ETA_RANGE.min });
		expect(p.capped).toBe(true);
		expect(p.tMax).toBeCloseTo(MAX_SIM_STEPS * p.dt, 6);
		expect(p.wantedTMax).toBeGreaterThan(p.tMax);
		const ramp = delayParams({ ...base, gamma: 1, epsilon: 1e-3, sigma: 1e-10 });
		expect((ramp.tMax - -0.2 / 1e-3) / ramp.dt).toBeLessThanOrEqual(MAX_SIM_STEPS + 1e-6);
		// The default setting is not capped.
		expect(delayParams(base).capped).toBe(false);
	});
});

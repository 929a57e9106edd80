import { describe, expect, it } from 'vitest';
import { NormalFormSimulation, simulateNormalForm } from './simulate';
import { plateauEscapeTimeSaturated, rampDeterministicEscapeTime } from './predictions';
import { PLATEAU_REFERENCES, plateauReference, RAMP_REFERENCES, rampReference } from './reference-settings';
import type { NormalFormParams } from './types';

/** dt = 0.2 instead of 0.02 for the plateau keeps the test fast: η·dt ≤ 0.0022, so the Euler bias is far below the
 * ~0.6% sampling error of a 2000-path median. */
const plateauAt = (gamma: number) => plateauReference(gamma, 0.2);

const relErr = (value: number, target: number) => Math.abs(value / target - 1);

describe('noisy ramp against the §5 reference medians (2000 paths, dt 0.02)', () => {
	for (const { epsilon, sigma, median: reference } of RAMP_REFERENCES) {
		// σ = 1e-2 is outside the small-noise regime of the formula; the spec gives no tolerance: we use ±5%.
		const tolerance = sigma >= 1e-2 ? 0.05 : 0.03;
		it(`ε = ${epsilon}, σ = ${sigma}: median ≈ ${reference}`, () => {
			const r = simulateNormalForm(rampReference(epsilon, sigma));
			expect(r.escapedFraction).toBe(1);
			expect(relErr(r.median, reference)).toBeLessThan(tolerance);
			expect(r.prediction).not.toBeNull();
			expect(relErr(r.median, r.prediction as number)).toBeLessThan(tolerance);
			expect(r.q25).toBeLessThan(r.median);
			expect(r.q75).toBeGreaterThan(r.median);
		});
	}
});

describe('noiseless ramp against √(t0² + (2/ε) ln(a_th/a0))', () => {
	for (const [t0, a0, gamma] of [
		[-30, 1e-6, 0],
		[-60, 1e-3, 0],
		[-30, 1e-6, 0.2]
	] as const) {
		it(`t0 = ${t0}, a0 = ${a0}, γ = ${gamma}`, () => {
			const epsilon = 0.01;
			const r = simulateNormalForm({
				schedule: { kind: 'ramp', epsilon, t0 },
				gamma,
				sigma: 0,
				aTh: 0.1,
				dt: 0.001,
				tMax: 300,
				paths: 3,
				seed: 1,
				a0
			});
			const tc = gamma / epsilon;
			const expected = tc + (rampDeterministicEscapeTime(epsilon, t0 - tc, a0, 0.1) as number);
			// All paths are identical without noise.
			expect(r.escapeTimes[0]).toBe(r.escapeTimes[2]);
			// The formula drops −a³; at |a| = 0.1 that slows growth by a²/μ ≲ 2%, i.e. a fraction of a time unit.
			expect(Math.abs(r.median - expected)).toBeLessThan(0.5);
			expect(r.prediction).toBeCloseTo(expected, 10);
		});
	}
});

describe('plateau against the §5 reference (μ0 = 0.011, σ = 1e-5, a_th = 0.3√η)', () => {
	const lags: number[] = [];
	for (const { gamma, median: reference } of PLATEAU_REFERENCES) {
		it(`γ = ${gamma}: median ≈ ${reference}`, () => {
			const r = simulateNormalForm(plateauAt(gamma));
			expect(r.escapedFraction).toBe(1);
			expect(relErr(r.median, reference)).toBeLessThan(0.03);
			expect(relErr(r.median, r.prediction as number)).toBeLessThan(0.03);
			// With the cubic saturation added, the formula is within ~2.5 standard errors of a 2000-path median
			// (1 se ≈ 0.026/η, i.e. 0.4% here).
			const saturated = plateauEscapeTimeSaturated(0.011 - gamma, 1e-5, 0.3 * Math.sqrt(0.011 - gamma));
			expect(relErr(r.median, saturated as number)).toBeLessThan(0.01);
			expect(r.crossingTime).toBe(0);
			expect(r.lag?.kind).toBe('probe-e-foldings');
			lags.push(r.lag?.value as number);
		});
	}
	it('lag (in probe e-folding times 1/μ0) rises with γ', () => {
		expect(lags).toHaveLength(3);
		expect(lags[1]).toBeGreaterThan(lags[0]);
		expect(lags[2]).toBeGreaterThan(lags[1]);
	});
	it('never escapes when γ ≥ μ0 and σ is tiny: Infinity, no prediction, capped at tMax', () => {
		const r = simulateNormalForm({ ...plateauAt(0), gamma: 0.012, aTh: 0.03, tMax: 2000, paths: 200 });
		expect(r.escapedFraction).toBe(0);
		expect(r.median).toBe(Infinity);
		expect(r.prediction).toBeNull();
		expect(r.lag?.value).toBe(Infinity);
		expect(r.done).toBe(true);
		expect(r.time).toBeCloseTo(2000, 8);
	});
});

describe('ramp lag', () => {
	it('rises with γ: the instability moves to γ/ε while the probe still crosses at μ = 0', () => {
		const values = [0, 0.1, 0.2].map((gamma) => {
			const r = simulateNormalForm({ ...rampReference(1e-2, 1e-6), gamma, paths: 500 });
			expect(r.crossingTime).toBe(0);
			expect(r.instabilityTime).toBeCloseTo(gamma / 1e-2, 10);
			expect(r.lag?.kind).toBe('ratio-to-crossing');
			expect(r.lag?.referenceTime).toBeCloseTo(50, 10);
			return r.lag?.value as number;
		});
		expect(values[1]).toBeGreaterThan(values[0]);
		expect(values[2]).toBeGreaterThan(values[1]);
	});
});

describe('simulation mechanics', () => {
	const small: NormalFormParams = { ...rampReference(1e-2, 1e-4), paths: 300, samplePaths: 3 };

	it('is reproducible: same seed, identical escape times; another seed differs', () => {
		const a = simulateNormalForm(small);
		const b = simulateNormalForm(small);
		const c = simulateNormalForm({ ...small, seed: 2 });
		expect(Array.from(a.escapeTimes)).toEqual(Array.from(b.escapeTimes));
		expect(Array.from(a.samples.a[1])).toEqual(Array.from(b.samples.a[1]));
		expect(Array.from(a.escapeTimes)).not.toEqual(Array.from(c.escapeTimes));
	});

	it('gives the same result however the work is chunked', () => {
		const whole = simulateNormalForm(small);
		const sim = new NormalFormSimulation(small);
		let chunks = 0;
		while (!sim.advance({ maxSteps: 137 })) chunks++;
		expect(chunks).toBeGreaterThan(5);
		expect(Array.from(sim.result().escapeTimes)).toEqual(Array.from(whole.escapeTimes));
		const timed = new NormalFormSimulation(small);
		while (!timed.advance({ budgetMs: 1 }));
		expect(Array.from(timed.result().escapeTimes)).toEqual(Array.from(whole.escapeTimes));
	});

	it('reports partial results while running', () => {
		const sim = new NormalFormSimulation(small);
		sim.advance({ maxSteps: 10 });
		const partial = sim.result();
		expect(partial.done).toBe(false);
		expect(sim.progress).toBeGreaterThan(0);
		expect(sim.progress).toBeLessThan(1);
		expect(partial.time).toBeCloseTo(-50 + 10 * 0.02, 10);
	});

	it('stops once every path has escaped, and records at most 400 points per sample path', () => {
		const r = simulateNormalForm(small);
		expect(r.done).toBe(true);
		const last = Math.max(...r.escapeTimes);
		expect(r.time).toBeCloseTo(last, 10);
		expect(r.time).toBeLessThan(small.tMax);
		const { t, a } = r.samples;
		expect(a).toHaveLength(3);
		expect(t.length).toBeGreaterThanOrEqual(200);
		expect(t.length).toBeLessThanOrEqual(400);
		for (let k = 1; k < t.length; k++) expect(t[k]).toBeGreaterThan(t[k - 1]);
		expect(t[0]).toBe(-50);
		// Recorded paths keep running after their own escape, towards the branches ±√(μ − γ): one step moves a by
		// far less than 0.05, so |a| > 1.5 a_th is only seen if a path went on after crossing a_th.
		let largest = 0;
		for (let p = 0; p < 3; p++) {
			expect(a[p]).toHaveLength(t.length);
			for (const v of a[p]) largest = Math.max(largest, Math.abs(v));
		}
		expect(largest).toBeGreaterThan(0.15);
	});

	it('escapes at the start when |a0| ≥ a_th', () => {
		const r = simulateNormalForm({ ...small, a0: 0.2, samplePaths: 0 });
		expect(r.escapedFraction).toBe(1);
		expect(r.median).toBe(-50);
	});

	it('follows a drawn schedule (piecewise linear, probe crossing at μ = 0)', () => {
		const drawn: NormalFormParams = {
			schedule: {
				kind: 'drawn',
				times: Float64Array.from([-50, 0, 100]),
				values: Float64Array.from([-0.5, 0, 1])
			},
			gamma: 0,
			sigma: 1e-6,
			aTh: 0.1,
			dt: 0.02,
			tMax: 400,
			paths: 1000,
			seed: 3
		};
		const viaDrawn = simulateNormalForm(drawn);
		// Same μ(t) = 0.01 t as a ramp from −50 while t ≤ 100: identical stream, identical escapes.
		const viaRamp = simulateNormalForm({ ...drawn, schedule: { kind: 'ramp', epsilon: 0.01, t0: -50 } });
		expect(viaRamp.median).toBeLessThan(100);
		for (let i = 0; i < 1000; i++) expect(viaDrawn.escapeTimes[i]).toBeCloseTo(viaRamp.escapeTimes[i], 9);
		expect(viaDrawn.crossingTime).toBe(0);
		expect(viaDrawn.prediction).toBeNull();
		expect(viaDrawn.lag?.kind).toBe('ratio-to-crossing');
	});

	it('rejects bad parameters', () => {
		expect(() => simulateNormalForm({ ...small, dt: 0 })).toThrow();
		expect(() => simulateNormalForm({ ...small, paths: 0 })).toThrow();
		expect(() => simulateNormalForm({ ...small, sigma: -1 })).toThrow();
	});
});

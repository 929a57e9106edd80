import { describe, expect, it } from 'vitest';
import { forecastFeatures, logLogSlope } from './features';

/** A synthetic series: memorised at step 75, ρ ∝ t^a and β_c ∝ t^b after it. */
function series(a: number, b: number, memorisedAt = 75) {
	const steps = Array.from({ length: 20 }, (_, i) => i * 25);
	return {
		steps,
		rho: steps.map((t) => (t === 0 ? 0.1 : 2 * (t / 100) ** a)),
		betaC: steps.map((t) => (t === 0 ? 5 : 0.3 * (t / 100) ** b)),
		trainAcc: steps.map((t) => (t >= memorisedAt ? 1 : 0.5))
	};
}

describe('forecast predictors', () => {
	it('reads the power laws at twice the memorisation step', () => {
		const f = forecastFeatures(series(0.8, -0.5))!;
		expect(f.tMem).toBe(75);
		expect(f.tAnchor).toBe(150);
		expect(f.rhoSlope).toBeCloseTo(0.8, 10);
		expect(f.betaCSlope).toBeCloseTo(-0.5, 10);
		expect(f.logRho).toBeCloseTo(Math.log(2 * 1.5 ** 0.8), 10);
	});

	it('waits for memorisation and for the anchor, and restarts the clock at `from`', () => {
		expect(forecastFeatures(series(1, 0, 10_000))).toBeNull();
		const s = series(1, 0);
		const short = { steps: s.steps.slice(0, 6), rho: s.rho.slice(0, 6), betaC: s.betaC.slice(0, 6), trainAcc: s.trainAcc.slice(0, 6) };
		expect(forecastFeatures(short)).toBeNull(); // reaches step 125 < 150
		const later = forecastFeatures(s, 200)!;
		expect(later.tMem).toBe(200);
		expect(later.tAnchor).toBe(400);
	});

	it('fits log–log slopes and ignores non-positive values', () => {
		expect(logLogSlope([1, 2, 4], [3, 6, 12])).toBeCloseTo(1, 12);
		expect(logLogSlope([1, 2, 4], [3, null, -1])).toBeNaN();
	});
});

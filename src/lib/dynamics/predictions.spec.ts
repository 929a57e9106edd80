import { describe, expect, it } from 'vitest';
import {
	HALF_NORMAL_MEDIAN_SQUARED,
	plateauDeterministicEscapeTime,
	plateauEscapeTime,
	plateauEscapeTimeSaturated,
	rampDeterministicEscapeTime,
	rampNoisyEscapeTime
} from './predictions';
import { predictEscapeTime } from './predict-escape';

const within = (value: number | null, target: number, rel: number) => {
	expect(value).not.toBeNull();
	expect(Math.abs((value as number) / target - 1)).toBeLessThan(rel);
};

describe('§5 analytic predictions', () => {
	it('uses the constants of docs/theory.md §5', () => {
		expect(HALF_NORMAL_MEDIAN_SQUARED).toBeCloseTo(0.4549, 4);
		expect(-0.5 * Math.log(HALF_NORMAL_MEDIAN_SQUARED)).toBeCloseTo(0.3938, 4);
	});

	it('noisy ramp formula reproduces the reference medians (±3%; σ = 1e-2 ±2%)', () => {
		within(rampNoisyEscapeTime(1e-2, 1e-2, 0.1), 16.1, 0.02);
		within(rampNoisyEscapeTime(1e-2, 1e-4, 0.1), 34.3, 0.03);
		within(rampNoisyEscapeTime(1e-2, 1e-6, 0.1), 45.8, 0.03);
		within(rampNoisyEscapeTime(1e-2, 1e-8, 0.1), 55.0, 0.03);
		within(rampNoisyEscapeTime(1e-3, 1e-4, 0.1), 103.7, 0.03);
		within(rampNoisyEscapeTime(1e-3, 1e-6, 0.1), 141.0, 0.03);
		expect(rampNoisyEscapeTime(1e-2, 0, 0.1)).toBeNull();
		// ln(a_th/σ) below ¼ ln(π/ε) − 0.3938: no delay predicted.
		expect(rampNoisyEscapeTime(1e-2, 1, 0.1)).toBeNull();
	});

	it('noiseless ramp: √(t0² + (2/ε) ln(a_th/a0))', () => {
		expect(rampDeterministicEscapeTime(0.01, -30, 1e-6, 0.1)).toBeCloseTo(Math.sqrt(900 + 200 * Math.log(1e5)), 12);
		expect(rampDeterministicEscapeTime(0.01, -30, 0, 0.1)).toBeNull();
		expect(rampDeterministicEscapeTime(0.01, -30, 0.2, 0.1)).toBeNull();
	});

	it('plateau formula is within 1.5% of the reference simulation medians and null when η ≤ 0', () => {
		const mu0 = 0.011;
		const refs: [number, number][] = [
			[0, 594],
			[0.008, 1771],
			[0.01, 4131]
		];
		for (const [gamma, ref] of refs) {
			const eta = mu0 - gamma;
			within(plateauEscapeTime(eta, 1e-5, 0.3 * Math.sqrt(eta)), ref, 0.015);
		}
		expect(plateauEscapeTime(0, 1e-5, 0.03)).toBeNull();
		expect(plateauEscapeTime(-0.001, 1e-5, 0.03)).toBeNull();
		// Cubic saturation: −ln(1 − 0.09)/(2η) = 0.0472/η later.
		const sat = plateauEscapeTimeSaturated(0.001, 1e-5, 0.3 * Math.sqrt(0.001)) as number;
		expect(sat - (plateauEscapeTime(0.001, 1e-5, 0.3 * Math.sqrt(0.001)) as number)).toBeCloseTo(47.15, 1);
		expect(plateauEscapeTimeSaturated(0.001, 1e-5, 0.04)).toBeNull();
		expect(plateauDeterministicEscapeTime(0.01, 1e-3, 0.1)).toBeCloseTo(100 * Math.log(100), 10);
	});

	it('predictEscapeTime puts the prediction on the simulation clock', () => {
		const base = { aTh: 0.1, dt: 0.02, tMax: 500, paths: 1, seed: 1 };
		const ramp = { kind: 'ramp' as const, epsilon: 0.01, t0: -50 };
		// γ moves the instability to t = γ/ε and the escape with it.
		const p0 = predictEscapeTime({ ...base, schedule: ramp, gamma: 0, sigma: 1e-6 });
		const p1 = predictEscapeTime({ ...base, schedule: ramp, gamma: 0.1, sigma: 1e-6 });
		expect((p1 as number) - (p0 as number)).toBeCloseTo(10, 10);
		// Noiseless: t0 measured from the instability, t0 − γ/ε = −60.
		expect(predictEscapeTime({ ...base, schedule: ramp, gamma: 0.1, sigma: 0, a0: 1e-6 })).toBeCloseTo(
			10 + Math.sqrt(3600 + 200 * Math.log(1e5)),
			10
		);
		expect(predictEscapeTime({ ...base, schedule: { kind: 'plateau', mu0: 0.01 }, gamma: 0.01, sigma: 1e-5 })).toBeNull();
		const drawn = { kind: 'drawn' as const, times: Float64Array.from([0, 1]), values: Float64Array.from([0, 1]) };
		expect(predictEscapeTime({ ...base, schedule: drawn, gamma: 0, sigma: 1e-5 })).toBeNull();
	});
});

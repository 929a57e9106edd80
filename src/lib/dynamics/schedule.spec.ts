import { describe, expect, it } from 'vitest';
import {
	drawnValue,
	probeEFoldingTime,
	scheduleCrossingTime,
	scheduleStartTime,
	scheduleValue,
	validateSchedule,
	type Schedule
} from './schedule';

const drawn: Schedule = {
	kind: 'drawn',
	times: Float64Array.from([0, 10, 20]),
	values: Float64Array.from([-0.1, 0.1, 0.1])
};

describe('schedules', () => {
	it('evaluates μ(t) and the start time', () => {
		const ramp: Schedule = { kind: 'ramp', epsilon: 0.01, t0: -30 };
		expect(scheduleValue(ramp, 5)).toBeCloseTo(0.05, 15);
		expect(scheduleStartTime(ramp)).toBe(-30);
		expect(scheduleValue({ kind: 'plateau', mu0: 0.011 }, 123)).toBe(0.011);
		expect(scheduleValue(drawn, 5)).toBeCloseTo(0, 15);
		expect(scheduleValue(drawn, 2.5)).toBeCloseTo(-0.05, 15);
		expect(scheduleValue(drawn, 99)).toBeCloseTo(0.1, 15);
		expect(scheduleValue(drawn, -5)).toBeCloseTo(-0.1, 15);
	});

	it('finds the segment from any hint', () => {
		const { times, values } = drawn as Extract<Schedule, { kind: 'drawn' }>;
		for (const hint of [0, 1, 2, 7]) {
			expect(drawnValue(times, values, 15, hint).value).toBeCloseTo(0.1, 15);
			expect(drawnValue(times, values, 7.5, hint).value).toBeCloseTo(0.05, 15);
		}
	});

	it('finds the probe-visible crossing (μ = 0) and the instability (μ = γ)', () => {
		const ramp: Schedule = { kind: 'ramp', epsilon: 0.01, t0: -30 };
		expect(scheduleCrossingTime(ramp, 0)).toBe(0);
		expect(scheduleCrossingTime(ramp, 0.002)).toBeCloseTo(0.2, 12);
		expect(scheduleCrossingTime({ kind: 'plateau', mu0: 0.011 }, 0)).toBe(0);
		expect(scheduleCrossingTime({ kind: 'plateau', mu0: 0.011 }, 0.02)).toBeNull();
		expect(scheduleCrossingTime(drawn, 0)).toBeCloseTo(5, 12);
		expect(scheduleCrossingTime(drawn, 0.05)).toBeCloseTo(7.5, 12);
		expect(scheduleCrossingTime(drawn, 0.2)).toBeNull();
	});

	it('gives one probe-visible e-folding time after the crossing', () => {
		expect(probeEFoldingTime({ kind: 'plateau', mu0: 0.01 }, 0)).toBeCloseTo(100, 10);
		expect(probeEFoldingTime({ kind: 'ramp', epsilon: 0.02, t0: 0 }, 0)).toBeCloseTo(10, 10);
		// Drawn: from t = 5, μ = 0.02 (t − 5) until 10, then 0.1. Area by 10: 0.25; then 0.75 / 0.1 = 7.5 more.
		expect(probeEFoldingTime(drawn, 5)).toBeCloseTo(12.5, 10);
		const steep: Schedule = { kind: 'drawn', times: Float64Array.from([0, 10]), values: Float64Array.from([0, 1]) };
		// ∫_0^τ 0.1 s ds = 0.05 τ² = 1 ⇒ τ = √20.
		expect(probeEFoldingTime(steep, 0)).toBeCloseTo(Math.sqrt(20), 10);
	});

	it('rejects unusable schedules', () => {
		expect(() => validateSchedule({ kind: 'ramp', epsilon: 0, t0: 0 })).toThrow();
		expect(() =>
			validateSchedule({ kind: 'drawn', times: Float64Array.from([0, 0]), values: Float64Array.from([1, 2]) })
		).toThrow();
	});
});

/**
 * Schedules μ(t) for the normal form da = (μ(t) − γ) a dt − a³ dt + σ dW (docs/theory.md §5).
 * μ ∝ ρ − 1 is what the probe sees: μ = 0 is the probe-visible crossing (ρ = 1). The symmetric state only loses
 * stability later, when μ(t) = γ, because the dissipation γ (weight decay) is invisible to the probe.
 */

export type Schedule =
	/** μ(t) = ε t: μ crosses 0 at t = 0; the simulation starts at t0 (choose t0 < 0 to start in the stable phase). */
	| { kind: 'ramp'; epsilon: number; t0: number }
	/** μ jumps from ≤ 0 to μ0 at t = 0, where the simulation starts, and stays there. */
	| { kind: 'plateau'; mu0: number }
	/**
	 * Piecewise-linear μ through (times[i], values[i]), times strictly increasing; held constant after the last
	 * point. The simulation starts at times[0].
	 */
	| { kind: 'drawn'; times: Float64Array; values: Float64Array };

/** Time at which the simulation of this schedule starts. */
export function scheduleStartTime(schedule: Schedule): number {
	switch (schedule.kind) {
		case 'ramp':
			return schedule.t0;
		case 'plateau':
			return 0;
		case 'drawn':
			return schedule.times[0];
	}
}

/** Throws on a schedule the simulation cannot use. */
export function validateSchedule(schedule: Schedule): void {
	switch (schedule.kind) {
		case 'ramp':
			if (!(schedule.epsilon > 0) || !Number.isFinite(schedule.t0))
				throw new Error('ramp schedule needs epsilon > 0 and a finite t0');
			return;
		case 'plateau':
			if (!Number.isFinite(schedule.mu0)) throw new Error('plateau schedule needs a finite mu0');
			return;
		case 'drawn': {
			const { times, values } = schedule;
			if (times.length < 1 || times.length !== values.length)
				throw new Error('drawn schedule needs matching, non-empty times and values');
			for (let i = 0; i < times.length; i++) {
				if (!Number.isFinite(times[i]) || !Number.isFinite(values[i]))
					throw new Error('drawn schedule has a non-finite point');
				if (i > 0 && !(times[i] > times[i - 1])) throw new Error('drawn schedule times must increase');
			}
			return;
		}
	}
}

/** μ(t). For a drawn schedule, linear interpolation, constant outside [times[0], times[last]]. */
export function scheduleValue(schedule: Schedule, t: number): number {
	switch (schedule.kind) {
		case 'ramp':
			return schedule.epsilon * t;
		case 'plateau':
			return schedule.mu0;
		case 'drawn':
			return drawnValue(schedule.times, schedule.values, t, 0).value;
	}
}

/**
 * Piecewise-linear lookup starting the segment search at `hint` (the simulation walks forward in time, so passing
 * the previous segment makes each lookup O(1)). Returns the value and the segment to use as the next hint.
 */
export function drawnValue(
	times: Float64Array,
	values: Float64Array,
	t: number,
	hint: number
): { value: number; segment: number } {
	const last = times.length - 1;
	if (t <= times[0]) return { value: values[0], segment: 0 };
	if (t >= times[last]) return { value: values[last], segment: last };
	let k = Math.min(Math.max(hint, 0), last - 1);
	while (k > 0 && times[k] > t) k--;
	while (k < last - 1 && times[k + 1] <= t) k++;
	const w = (t - times[k]) / (times[k + 1] - times[k]);
	return { value: values[k] + w * (values[k + 1] - values[k]), segment: k };
}

/**
 * First time t ≥ start at which μ(t) ≥ level (linearly interpolated), or null if never.
 * level = 0 gives the probe-visible crossing (ρ = 1); level = γ gives the loss of stability of the symmetric state.
 * If μ(start) ≥ level already, the answer is the start time.
 */
export function scheduleCrossingTime(schedule: Schedule, level: number): number | null {
	const start = scheduleStartTime(schedule);
	switch (schedule.kind) {
		case 'ramp':
			return Math.max(start, level / schedule.epsilon);
		case 'plateau':
			return schedule.mu0 >= level ? 0 : null;
		case 'drawn': {
			const { times, values } = schedule;
			if (values[0] >= level) return times[0];
			for (let k = 1; k < times.length; k++) {
				if (values[k] >= level) {
					const w = (level - values[k - 1]) / (values[k] - values[k - 1]);
					return times[k - 1] + w * (times[k] - times[k - 1]);
				}
			}
			return null;
		}
	}
}

/**
 * Length τ of one probe-visible e-folding after the crossing at tc: the τ with ∫_tc^{tc+τ} μ(s) ds = 1, i.e. the
 * time in which the probe, ignoring dissipation and noise, would expect the split to grow by a factor e.
 * Plateau: 1/μ0. Ramp: √(2/ε) from the crossing at 0 (or the matching root when tc > 0). Null if never reached.
 */
export function probeEFoldingTime(schedule: Schedule, tc: number): number | null {
	switch (schedule.kind) {
		case 'plateau':
			return schedule.mu0 > 0 ? 1 / schedule.mu0 : null;
		case 'ramp': {
			// ∫_tc^{tc+τ} ε s ds = ε(τ² + 2 tc τ)/2 = 1.
			const e = schedule.epsilon;
			return -tc + Math.sqrt(tc * tc + 2 / e);
		}
		case 'drawn': {
			const { times, values } = schedule;
			let area = 0;
			let t = tc;
			let mu = scheduleValue(schedule, tc);
			for (let k = 0; k < times.length; k++) {
				if (times[k] <= t) continue;
				const muNext = values[k];
				const piece = ((mu + muNext) / 2) * (times[k] - t);
				if (area + piece >= 1) return t - tc + solveTrapezoid(mu, muNext, times[k] - t, 1 - area);
				area += piece;
				t = times[k];
				mu = muNext;
			}
			// Held constant after the last point.
			return mu > 0 ? t - tc + (1 - area) / mu : null;
		}
	}
}

/** Smallest x in [0, h] with ∫_0^x (m0 + (m1 − m0) s/h) ds = target (the caller guarantees a root exists). */
function solveTrapezoid(m0: number, m1: number, h: number, target: number): number {
	const slope = (m1 - m0) / h;
	if (Math.abs(slope) < 1e-300) return target / m0;
	// slope x²/2 + m0 x − target = 0
	const disc = m0 * m0 + 2 * slope * target;
	return (-m0 + Math.sqrt(Math.max(disc, 0))) / slope;
}

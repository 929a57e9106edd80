/**
 * "Escape lags the crossing by ×N" (docs/theory.md §4–5), defined from what the probe can see.
 *
 * The probe sees ρ, i.e. μ ∝ ρ − 1, never the dissipation γ. Its crossing is μ = 0. The symmetric state only becomes
 * unstable later, at μ = γ, so everything between the two is delay the probe cannot anticipate; measuring from the
 * probe-visible crossing is what makes the normal form's lag grow with its dissipation γ. (γ is the normal form's
 * dissipation, not the grokking toy's weight decay: there, measured, more weight decay *shortens* the lag, 53–65× at
 * wd 0.3 down to 2.0–2.5× at wd 3, and wd 0 never escapes. Weight decay drives the escape: it sets the net growth rate
 * η = μ − γ after the crossing, and a small η means a long delay; see docs/theory.md §5.)
 *
 * Two forms, chosen by whether the schedule spends time before the crossing:
 * - 'ratio-to-crossing' (ramp with t0 < 0, drawn schedules starting below 0): the paper's t_sb / t_on with times
 *   counted from the start of the run, (t_esc − t_start) / (t_cross − t_start). With the ramp, γ moves the
 *   instability to t = γ/ε and the escape with it, so the ratio rises with γ.
 * - 'probe-e-foldings' (plateau, or any schedule already at μ ≥ 0 at the start, where t_on = 0 makes a ratio
 *   meaningless): (t_esc − t_cross) / τ, with τ one probe-visible e-folding time (∫ μ dt = 1 after the crossing;
 *   1/μ0 for the plateau). It counts how many growth times the probe would expect before the split shows up; the
 *   escape time itself depends only on η = μ0 − γ and diverges as η → 0.
 */
import { probeEFoldingTime, scheduleCrossingTime, scheduleStartTime, type Schedule } from './schedule';

export type LagKind = 'ratio-to-crossing' | 'probe-e-foldings';

export interface Lag {
	kind: LagKind;
	/** The ×N shown in the figure (Infinity if the escape time is Infinity). */
	value: number;
	/** Probe-visible crossing time (μ = 0). */
	crossingTime: number;
	/** Denominator: t_cross − t_start for 'ratio-to-crossing', the e-folding time τ for 'probe-e-foldings'. */
	referenceTime: number;
	/** Escape time minus crossing time, in time units. */
	delayAfterCrossing: number;
}

/** Lag of an escape time (e.g. the median of the simulation, or an analytic prediction) behind the crossing. */
export function escapeLag(schedule: Schedule, escapeTime: number): Lag | null {
	const crossing = scheduleCrossingTime(schedule, 0);
	if (crossing === null || Number.isNaN(escapeTime)) return null;
	const start = scheduleStartTime(schedule);
	const delayAfterCrossing = escapeTime - crossing;
	if (crossing > start) {
		const referenceTime = crossing - start;
		return {
			kind: 'ratio-to-crossing',
			value: (escapeTime - start) / referenceTime,
			crossingTime: crossing,
			referenceTime,
			delayAfterCrossing
		};
	}
	const tau = probeEFoldingTime(schedule, crossing);
	if (tau === null || !(tau > 0)) return null;
	return {
		kind: 'probe-e-foldings',
		value: delayAfterCrossing / tau,
		crossingTime: crossing,
		referenceTime: tau,
		delayAfterCrossing
	};
}

/** Public parameter and result types of the normal-form simulation (docs/theory.md §5). */
import type { Schedule } from './schedule';
import type { Lag } from './lag';

export interface NormalFormParams {
	/** μ(t); the simulation starts at scheduleStartTime(schedule). */
	schedule: Schedule;
	/** Dissipation γ (weight decay): the growth rate is μ(t) − γ. */
	gamma: number;
	/** Noise strength σ ≥ 0 (σ dW). */
	sigma: number;
	/** Escape threshold: a path escapes when |a| ≥ aTh. */
	aTh: number;
	/** Euler–Maruyama time step. */
	dt: number;
	/** Stop at this time (same clock as the schedule); paths not escaped by then get escape time +Infinity. */
	tMax: number;
	/** Number of independent paths. */
	paths: number;
	/** Seed of the Gaussian increments: the same seed gives identical results. */
	seed: number;
	/** Initial value of every path (default 0). */
	a0?: number;
	/**
	 * Number of paths (the first ones) recorded for plotting, at most 400 points each (default 0). Recorded paths
	 * keep running after they escape, to show the split branches, until every path has escaped or tMax.
	 */
	samplePaths?: number;
}

export interface SamplePaths {
	/** Shared, evenly spaced sample times. */
	t: Float64Array;
	/** a[p][k]: value of sample path p at t[k]. */
	a: Float64Array[];
}

export interface SimulationResult {
	/** Escape time of each path on the schedule's clock; +Infinity if it had not escaped (yet). */
	escapeTimes: Float64Array;
	median: number;
	q25: number;
	q75: number;
	escapedFraction: number;
	samples: SamplePaths;
	/** Time the simulation started. */
	startTime: number;
	/** Time reached so far (= the end time once done). */
	time: number;
	/** True once every path has escaped or tMax was reached. */
	done: boolean;
	/** Probe-visible crossing: first time μ(t) ≥ 0 (ρ = 1). Null if μ never becomes ≥ 0. */
	crossingTime: number | null;
	/** Loss of stability of the symmetric state: first time μ(t) ≥ γ. Null if never. */
	instabilityTime: number | null;
	/** Analytic median escape time on the same clock (docs/theory.md §5), null where no formula applies. */
	prediction: number | null;
	/** How long escape lags the probe-visible crossing (see lag.ts), null without a crossing. */
	lag: Lag | null;
}

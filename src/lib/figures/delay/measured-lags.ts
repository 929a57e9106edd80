/**
 * The measured grokking lags (content/data/grokking-sweep.json, trimmed at build time) grouped by weight decay, with
 * the η that the normal form's plateau would need for each delay (a fit, see dynamics/eta-fit.ts). Pure.
 */
import { fitPlateauEta } from '$lib/dynamics';
import type { TrajectoryRun } from '$lib/content/trajectory-extract';

export interface MeasuredLag {
	weightDecay: number;
	seed: number;
	onset: number | null;
	symmetryBreaking: number | null;
	/** t_sb / t_on, null when the run never broke symmetry. */
	lag: number | null;
	/** t_sb − t_on in training steps. */
	delay: number | null;
	/** Fitted post-crossing growth rate η (one normal-form time unit = one step), null without a delay. */
	etaFit: number | null;
}

export function measuredLags(runs: TrajectoryRun[], sigma: number): MeasuredLag[] {
	return runs
		.map((r) => {
			const delay = r.onset !== null && r.symmetryBreaking !== null ? r.symmetryBreaking - r.onset : null;
			return {
				weightDecay: r.weightDecay,
				seed: r.seed,
				onset: r.onset,
				symmetryBreaking: r.symmetryBreaking,
				lag: r.lag,
				delay,
				etaFit: delay === null ? null : fitPlateauEta(delay, sigma)
			};
		})
		.sort((a, b) => a.weightDecay - b.weightDecay || a.seed - b.seed);
}

/** "lo–hi" of the finite values (one value if they agree at `digits`), or null if none. */
export function spread(values: (number | null)[], format: (v: number) => string): string | null {
	const v = values.filter((x): x is number => x !== null && Number.isFinite(x));
	if (!v.length) return null;
	const lo = format(Math.min(...v));
	const hi = format(Math.max(...v));
	return lo === hi ? lo : `${lo}–${hi}`;
}

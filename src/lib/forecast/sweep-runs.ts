/** Saved grokking sweeps (content/data, written by `npm run train -- … --out`) → the forecast's per-run rows. */
import type { SweepDocument } from '$lib/content/sweep-table';
import type { GrokkingSummary } from '$lib/train/run-summary';
import { ANCHOR_FACTOR, forecastFeatures } from './features';
import type { ForecastRun } from './models';

/** A sweep whose runs may carry their own train fraction (the forecast sweep varies it). */
export interface ForecastSweepDocument extends SweepDocument {
	config?: { trainFraction?: number };
	runs: (SweepDocument['runs'][number] & { trainFraction?: number })[];
}

export function forecastRuns(doc: ForecastSweepDocument, anchorFactor = ANCHOR_FACTOR): ForecastRun[] {
	return doc.runs.map((r) => {
		const t = r.trajectory;
		if (!t) throw new Error(`forecast: run seed ${r.seed} wd ${r.weightDecay} has no trajectory`);
		const s = r.summary as GrokkingSummary;
		const steps = t.step.map((v) => v ?? Number.NaN);
		return {
			seed: r.seed,
			weightDecay: r.weightDecay,
			trainFraction: r.trainFraction ?? doc.config?.trainFraction ?? Number.NaN,
			steps: s.steps,
			features: forecastFeatures({ steps, rho: t.rho, betaC: t.betaC, trainAcc: t.trainAcc }, 0, anchorFactor),
			tSb: s.symmetryBreaking
		};
	});
}

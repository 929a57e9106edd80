/**
 * Held-out evaluation of the forecast (docs/theory.md §9): rotate over seeds (fit on two, predict the third) or over
 * train fractions (fit on two fractions, predict the third — settings never seen, where a hyper-parameter lookup cannot
 * help). Scores: "will it generalise" accuracy over every held-out run with predictors, and for the runs that broke
 * symmetry after the anchor the median |ln(predicted/actual t_sb)| and the share within ×1.5.
 */
import { fitModel, forecastable, type Forecaster, type ForecastRun, type ModelName } from './models';

export type Split = 'seed' | 'fraction';

export interface HeldOutPoint {
	seed: number;
	weightDecay: number;
	trainFraction: number;
	/** Measured t_sb, or null (no symmetry breaking within the run). */
	actual: number | null;
	/** The model's time forecast t_mem·exp(ln ratio), whatever the classifier says. */
	predicted: number;
	pGeneralise: number;
	/** Scored on time: broke symmetry after the anchor. */
	timed: boolean;
}

export interface Scores {
	/** Held-out runs with predictors. */
	n: number;
	/** Share of them whose "breaks symmetry within the run" was predicted right (p ≥ 0.5). */
	accuracy: number;
	/** Runs scored on time. */
	nTimed: number;
	/** Median |ln(predicted/actual)| over them. */
	medianAbsLog: number;
	/** Share of them within a factor 1.5. */
	within15: number;
}

export function median(xs: number[]): number {
	if (xs.length === 0) return Number.NaN;
	const s = [...xs].sort((a, b) => a - b);
	const h = s.length >> 1;
	return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

export function scoresOf(points: HeldOutPoint[]): Scores {
	const timed = points.filter((p) => p.timed);
	const err = timed.map((p) => Math.abs(Math.log(p.predicted / p.actual!)));
	return {
		n: points.length,
		accuracy: points.filter((p) => p.pGeneralise >= 0.5 === (p.actual !== null)).length / Math.max(1, points.length),
		nTimed: timed.length,
		medianAbsLog: median(err),
		within15: err.filter((e) => e <= Math.log(1.5)).length / Math.max(1, err.length)
	};
}

/** t_mem·exp(ln ratio), never before the anchor: a run that is scored had not broken symmetry by then. */
export function forecastStep(r: ForecastRun, logRatio: number): number {
	return Math.max(r.features!.tAnchor, r.features!.tMem * Math.exp(logRatio));
}

const foldKey = (split: Split, r: ForecastRun) => (split === 'seed' ? r.seed : r.trainFraction);

/** Fit on all folds but one, predict that one, for every fold. */
/** One run's forecast as a held-out point (cross-validation folds and the transfer check). */
export function heldOutPoint(r: ForecastRun, f: Forecaster): HeldOutPoint {
	return {
		seed: r.seed,
		weightDecay: r.weightDecay,
		trainFraction: r.trainFraction,
		actual: r.tSb,
		predicted: forecastStep(r, f.logRatio(r)),
		pGeneralise: f.pGeneralise(r),
		timed: forecastable(r)
	};
}

export function crossValidate(runs: ForecastRun[], model: ModelName, split: Split): { points: HeldOutPoint[]; scores: Scores } {
	const usable = runs.filter((r) => r.features !== null);
	const folds = [...new Set(usable.map((r) => foldKey(split, r)))].sort((a, b) => a - b);
	const points: HeldOutPoint[] = [];
	if (folds.length < 2) throw new Error(`forecast: a ${split} rotation needs at least 2 ${split}s, got ${folds.length}`);
	for (const fold of folds) {
		const test = usable.filter((r) => foldKey(split, r) === fold);
		const f = fitModel(model, usable.filter((r) => foldKey(split, r) !== fold));
		for (const r of test) points.push(heldOutPoint(r, f));
	}
	return { points, scores: scoresOf(points) };
}

/**
 * The forecast's models (docs/theory.md §9). Each answers two questions about a run, from what it is allowed to know:
 * will it break symmetry within its budget (probability), and if so when, as ln(t_sb / t_mem).
 * - `probe`: label-free predictors at the anchor (log ρ, d log ρ/d log t, d log β_c/d log t).
 * - `hyper`: only the hyper-parameters, linear in (ln(wd + 0.05), train fraction).
 * - `cell`: only the hyper-parameters, the mean of the training runs with the same (wd, train fraction); the strongest
 *   hyper-parameter baseline when the same settings were seen (seed rotation), undefined otherwise (falls back to `hyper`).
 * - `both`: the probe's predictors and the hyper-parameters together — does the probe add anything to the settings?
 */
import type { ForecastFeatures } from './features';
import { fitLinear, fitLogistic, predictLinear, predictLogistic, type LinearModel } from './least-squares';

export interface ForecastRun {
	seed: number;
	weightDecay: number;
	trainFraction: number;
	/** Steps the run trained for. */
	steps: number;
	features: ForecastFeatures | null;
	/** The network's symmetry breaking (W/T falls below half its running peak), or null if not within the run. */
	tSb: number | null;
}

export type ModelName = 'probe' | 'hyper' | 'cell' | 'both';

export interface Forecaster {
	/** Probability that the run breaks symmetry within its budget. */
	pGeneralise(r: ForecastRun): number;
	/** Predicted ln(t_sb / t_mem). */
	logRatio(r: ForecastRun): number;
}

/** A fitted probe model as plain data (saved in content/data/forecast-fit.json, used by the lab). */
export interface SavedProbeModel {
	classifier: LinearModel;
	regressor: LinearModel;
}

export function probeX(f: ForecastFeatures): number[] {
	return [f.logRho, f.rhoSlope, f.betaCSlope];
}

function hyperX(r: Pick<ForecastRun, 'weightDecay' | 'trainFraction'>): number[] {
	return [Math.log(r.weightDecay + 0.05), r.trainFraction];
}

/** Runs whose symmetry breaking comes after the anchor: the ones a forecast can be scored on. */
export function forecastable(r: ForecastRun): boolean {
	return r.features !== null && r.tSb !== null && r.tSb > r.features.tAnchor;
}

const targetLogRatio = (r: ForecastRun) => Math.log(r.tSb! / r.features!.tMem);

function fitPair(train: ForecastRun[], x: (r: ForecastRun) => number[]): SavedProbeModel {
	const usable = train.filter((r) => r.features !== null);
	const timed = usable.filter(forecastable);
	if (timed.length < 2) throw new Error(`forecast fit: need at least 2 runs that break symmetry after the anchor, got ${timed.length}`);
	return {
		classifier: fitLogistic(usable.map(x), usable.map((r) => (r.tSb !== null ? 1 : 0))),
		regressor: fitLinear(timed.map(x), timed.map(targetLogRatio))
	};
}

export function fitProbe(train: ForecastRun[]): SavedProbeModel {
	return fitPair(train, (r) => probeX(r.features!));
}

export function probeForecaster(m: SavedProbeModel): Forecaster {
	return {
		pGeneralise: (r) => predictLogistic(m.classifier, probeX(r.features!)),
		logRatio: (r) => predictLinear(m.regressor, probeX(r.features!))
	};
}

function hyperForecaster(train: ForecastRun[]): Forecaster {
	const m = fitPair(train, hyperX);
	return {
		pGeneralise: (r) => predictLogistic(m.classifier, hyperX(r)),
		logRatio: (r) => predictLinear(m.regressor, hyperX(r))
	};
}

function cellForecaster(train: ForecastRun[]): Forecaster {
	const fallback = hyperForecaster(train);
	const cell = (r: ForecastRun) => train.filter((t) => t.features !== null && t.weightDecay === r.weightDecay && t.trainFraction === r.trainFraction);
	return {
		pGeneralise: (r) => {
			const c = cell(r);
			return c.length ? c.filter((t) => t.tSb !== null).length / c.length : fallback.pGeneralise(r);
		},
		logRatio: (r) => {
			const c = cell(r).filter(forecastable);
			return c.length ? c.reduce((s, t) => s + targetLogRatio(t), 0) / c.length : fallback.logRatio(r);
		}
	};
}

function bothForecaster(train: ForecastRun[]): Forecaster {
	const x = (r: ForecastRun) => [...probeX(r.features!), ...hyperX(r)];
	const m = fitPair(train, x);
	return {
		pGeneralise: (r) => predictLogistic(m.classifier, x(r)),
		logRatio: (r) => predictLinear(m.regressor, x(r))
	};
}

export function fitModel(name: ModelName, train: ForecastRun[]): Forecaster {
	if (name === 'probe') return probeForecaster(fitProbe(train));
	if (name === 'both') return bothForecaster(train);
	if (name === 'hyper') return hyperForecaster(train);
	return cellForecaster(train);
}

/**
 * The lab's live forecast (docs/theory.md §9): once a run is past its anchor (2 × the memorisation step) the saved
 * probe model turns the label-free predictors into "symmetry breaking near step X, range Y–Z" or "no escape expected",
 * then compares with the network's actual symmetry breaking when it comes. Pure: series and events in, a verdict out;
 * cheap enough to recompute on every snapshot (a few dot products over ≤ 400 points).
 */
import { forecastFeatures, type ForecastFeatures, type ForecastSeries } from './features';
import { predictLinear, predictLogistic } from './least-squares';
import { probeX, type SavedProbeModel } from './models';

export type ForecastState = 'waiting' | 'forecast' | 'confirmed' | 'missed';

export interface LiveForecast {
	state: ForecastState;
	/** Forecast step of the symmetry breaking; null when the forecast is "no escape" (or while waiting). */
	step: number | null;
	/** True once a forecast exists and it says the run will not break symmetry. */
	noEscape: boolean;
	low: number | null;
	high: number | null;
	pGeneralise: number | null;
	features: ForecastFeatures | null;
	/** The actual symmetry breaking, once it came (after the forecast clock's start). */
	actual: number | null;
	/** Why it is waiting, or what happened: one plain sentence. */
	reason: string;
}

export interface LiveOptions {
	/** Restart the forecast clock here (a weight-decay change after memorisation); 0 for a plain run. */
	from?: number;
	/** The step the series has reached and the run's suggested length: "no escape" is confirmed at the end. */
	now: number;
	runLength: number;
	/** Half-width of the forecast range in ln steps (held-out error quantile, saved with the fit). */
	rangeLog: number;
}

const round = (x: number) => Math.round(x / 5) * 5;

export function liveForecast(s: ForecastSeries, symmetryBreaking: number | null, model: SavedProbeModel, o: LiveOptions): LiveForecast {
	const from = o.from ?? 0;
	// t_sb is interpolated between snapshots: whole steps are enough to show and to compare.
	const actual = symmetryBreaking !== null && symmetryBreaking >= from ? Math.round(symmetryBreaking) : null;
	const f = forecastFeatures(s, from);
	const base = { step: null, noEscape: false, low: null, high: null, pGeneralise: null, features: f, actual };
	if (!f) {
		return { ...base, state: 'waiting', reason: actual !== null ? `symmetry broke at step ${actual}, before the forecast point.` : 'waiting for memorisation, then for twice its step.' };
	}
	if (actual !== null && actual <= f.tAnchor) {
		return { ...base, state: 'waiting', reason: `symmetry broke at step ${actual}, before the forecast point (step ${f.tAnchor}): too fast to forecast.` };
	}
	const x = probeX(f);
	const p = predictLogistic(model.classifier, x);
	if (p < 0.5) {
		const state: ForecastState = actual !== null ? 'missed' : o.now >= o.runLength ? 'confirmed' : 'forecast';
		const reason =
			state === 'missed'
				? `forecast no escape, but symmetry broke at step ${actual}.`
				: state === 'confirmed'
					? `no symmetry breaking by step ${o.now}, as forecast.`
					: 'ρ still rising: no escape expected at this weight decay.';
		return { ...base, pGeneralise: p, noEscape: true, state, reason };
	}
	// It has not happened by the anchor, so a forecast before the anchor is read as "at the anchor" (as in the fit's scores).
	const step = round(Math.max(f.tAnchor, f.tMem * Math.exp(predictLinear(model.regressor, x))));
	const low = Math.max(f.tAnchor, round(step * Math.exp(-o.rangeLog)));
	const high = round(step * Math.exp(o.rangeLog));
	let state: ForecastState = 'forecast';
	let reason = `symmetry breaking expected near step ${step}, range ${low}–${high}.`;
	if (actual !== null) {
		state = actual >= low && actual <= high ? 'confirmed' : 'missed';
		reason = `forecast step ${step} (${low}–${high}), actual step ${actual}: ${state === 'confirmed' ? 'inside the range' : 'outside the range'}.`;
	} else if (o.now > high) {
		state = 'missed';
		reason = `forecast step ${step} (${low}–${high}), but no symmetry breaking by step ${o.now}.`;
	}
	return { ...base, pGeneralise: p, step, low, high, state, reason };
}

/**
 * The lab's forecast and auto-intervention decisions, from the snapshot series the lab already keeps (no tensor, no
 * worker round trip). A weight-decay change after memorisation restarts the forecast's clock at that step: the fit
 * saw only constant weight decay, so a forecast after a change is an extrapolation and is labelled as one.
 */
import type { HyperChange } from '$lib/train/protocol';
import { liveForecast, type LiveForecast } from './live';
import type { ForecastSeries } from './features';
import type { SavedProbeModel } from './models';

export interface LabForecastInput {
	series: ForecastSeries;
	symmetryBreaking: number | null;
	hyperChanges: readonly HyperChange[];
	now: number;
	runLength: number;
}

/** Step of the last weight-decay change, or 0. */
export function lastWeightDecayChange(changes: readonly HyperChange[]): number {
	let at = 0;
	for (const c of changes) if (c.key === 'weightDecay' && c.step > at) at = c.step;
	return at;
}

export function labForecast(i: LabForecastInput, model: SavedProbeModel, rangeLog: number): LiveForecast & { from: number } {
	const from = lastWeightDecayChange(i.hyperChanges);
	return { ...liveForecast(i.series, i.symmetryBreaking, model, { from, now: i.now, runLength: i.runLength, rangeLog }), from };
}

/** Auto-intervene: raise weight decay once per run, when the forecast says "no escape" and it is below the target. */
export function shouldIntervene(f: LiveForecast, enabled: boolean, weightDecayInForce: number, target: number, alreadyDone: boolean): boolean {
	return enabled && !alreadyDone && f.state === 'forecast' && f.noEscape && weightDecayInForce < target;
}

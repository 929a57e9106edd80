/**
 * What the forecast figure shows for a split, from the saved study: the probe's held-out points and scores beside the
 * hyper-parameter baseline that is fair for that split (seed rotation: the same-settings mean, the strongest; train-
 * fraction rotation: the linear law in (ln wd, fraction), since a new fraction has no same-settings runs).
 */
import type { ForecastFitDocument, Evaluation } from '$lib/forecast/fit-document';
import type { Split } from '$lib/forecast/evaluate';

export interface ForecastView {
	probe: Evaluation;
	baseline: Evaluation;
	baselineLabel: string;
	/** The other hyper-parameter baseline, for the caption (seed split only). */
	other: { label: string; evaluation: Evaluation } | null;
	probeWins: boolean;
	domain: [number, number];
	fractions: number[];
}

const BASELINE_LABELS = {
	cell: 'baseline: same (weight decay, fraction), other seeds',
	hyper: 'baseline: linear in ln(weight decay), fraction'
} as const;

export function forecastView(doc: ForecastFitDocument, split: Split): ForecastView {
	const h = doc.heldOut;
	const probe = split === 'seed' ? h.seed.probe : h.fraction.probe;
	const baseline = split === 'seed' ? h.seed.cell : h.fraction.hyper;
	const other = split === 'seed' ? { label: BASELINE_LABELS.hyper, evaluation: h.seed.hyper } : null;
	const vals = [probe, baseline].flatMap((e) => e.points.filter((p) => p.timed).flatMap((p) => [p.actual!, p.predicted]));
	const lo = vals.length ? Math.min(...vals) : 100;
	const hi = vals.length ? Math.max(...vals) : 1000;
	return {
		probe,
		baseline,
		baselineLabel: split === 'seed' ? BASELINE_LABELS.cell : BASELINE_LABELS.hyper,
		other,
		probeWins: doc.probeBeatsBaseline[split],
		domain: [Math.max(1, lo / 1.3), hi * 1.3],
		fractions: [...new Set(doc.runs.map((r) => r.trainFraction))].sort((a, b) => a - b)
	};
}

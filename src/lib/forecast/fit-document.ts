/**
 * The saved forecast study (content/data/forecast-fit.json), computed from the sweep by `npx tsx
 * scripts/forecast/fit-forecast.ts`; its unit test recomputes it from the same sweep. Pure: JSON in, JSON out.
 */
import { ANCHOR_FACTOR } from './features';
import { crossValidate, heldOutPoint, median, scoresOf, type HeldOutPoint, type Scores, type Split } from './evaluate';
import { fitProbe, probeForecaster, forecastable, type ForecastRun, type ModelName, type SavedProbeModel } from './models';
import { forecastRuns, type ForecastSweepDocument } from './sweep-runs';

export interface RunRow {
	seed: number;
	weightDecay: number;
	trainFraction: number;
	steps: number;
	tMem: number | null;
	tAnchor: number | null;
	logRho: number | null;
	rhoSlope: number | null;
	betaCSlope: number | null;
	tSb: number | null;
}

export interface Evaluation {
	points: HeldOutPoint[];
	scores: Scores;
}

export interface ForecastFitDocument {
	source: { command: string; date: string; backend: string; preset: string };
	anchorFactor: number;
	runs: RunRow[];
	/** Held-out results per split and model (`cell` only for the seed split: a new fraction has no cell). */
	heldOut: { seed: Record<ModelName, Evaluation>; fraction: Record<Exclude<ModelName, 'cell'>, Evaluation> };
	/** The probe model fitted on every run: what the lab uses. */
	model: SavedProbeModel;
	/** Half-width of the lab's forecast range in ln steps: the 80th percentile of the probe's held-out |ln error| (seed split). */
	rangeLog: number;
	/** Did the probe beat the best hyper-parameter baseline on held-out runs, per split? */
	probeBeatsBaseline: Record<Split, boolean>;
	/** The p = 59 sweep through the model fitted on the small preset (a transfer, not a fit). */
	transfer: {
		source: { command: string; date: string; backend: string; preset: string };
		points: HeldOutPoint[];
		scores: Scores;
		runs: RunRow[];
		/** Spearman rank correlation of ρ at the anchor with t_sb, over the runs that broke symmetry after the anchor. */
		spearman: number;
	} | null;
	/** The same rank correlation on the sweep itself. */
	spearman: number;
	/** Robustness: the held-out scores with the predictors read at other multiples of t_mem (the lab uses anchorFactor). */
	anchorSensitivity: { factor: number; seed: Record<'probe' | 'cell', Scores>; fraction: Record<'probe' | 'hyper', Scores> }[];
}

const SENSITIVITY_FACTORS = [3, 4];

function ranks(xs: number[]): number[] {
	const idx = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
	const r = new Array<number>(xs.length);
	for (let i = 0; i < idx.length; ) {
		let j = i;
		while (j + 1 < idx.length && idx[j + 1][0] === idx[i][0]) j++;
		for (let k = i; k <= j; k++) r[idx[k][1]] = (i + j) / 2;
		i = j + 1;
	}
	return r;
}

/** Spearman correlation (Pearson on average ranks); NaN below 3 points. */
export function spearman(a: number[], b: number[]): number {
	if (a.length < 3 || a.length !== b.length) return Number.NaN;
	const ra = ranks(a);
	const rb = ranks(b);
	const m = (ra.length - 1) / 2;
	let sab = 0;
	let saa = 0;
	let sbb = 0;
	ra.forEach((x, i) => {
		sab += (x - m) * (rb[i] - m);
		saa += (x - m) ** 2;
		sbb += (rb[i] - m) ** 2;
	});
	return sab / Math.sqrt(saa * sbb);
}

/** Does ρ's level at the anchor order the runs like their symmetry-breaking steps? */
function rhoOrdering(runs: ForecastRun[]): number {
	const timed = runs.filter(forecastable);
	return spearman(
		timed.map((r) => r.features!.logRho),
		timed.map((r) => r.tSb!)
	);
}

const r4 = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(4)) : x);

function quantile(xs: number[], q: number): number {
	if (xs.length === 0) return Number.NaN;
	const s = [...xs].sort((a, b) => a - b);
	const pos = q * (s.length - 1);
	const lo = Math.floor(pos);
	return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (pos - lo);
}

/** Better = higher "generalise" accuracy and lower median time error, both (ties do not count as a win). */
export function beats(a: Scores, b: Scores): boolean {
	return a.accuracy >= b.accuracy && a.medianAbsLog < b.medianAbsLog;
}

function row(r: ForecastRun): RunRow {
	const f = r.features;
	return {
		seed: r.seed,
		weightDecay: r.weightDecay,
		trainFraction: r.trainFraction,
		steps: r.steps,
		tMem: f?.tMem ?? null,
		tAnchor: f?.tAnchor ?? null,
		logRho: f ? r4(f.logRho) : null,
		rhoSlope: f ? r4(f.rhoSlope) : null,
		betaCSlope: f ? r4(f.betaCSlope) : null,
		tSb: r.tSb
	};
}

const sourceOf = (d: ForecastSweepDocument) => ({ command: d.command, date: d.date, backend: d.backend, preset: d.preset });

export function buildForecastFit(sweep: ForecastSweepDocument, transferDoc?: ForecastSweepDocument): ForecastFitDocument {
	const runs = forecastRuns(sweep);
	const seed = {
		probe: crossValidate(runs, 'probe', 'seed'),
		hyper: crossValidate(runs, 'hyper', 'seed'),
		cell: crossValidate(runs, 'cell', 'seed'),
		both: crossValidate(runs, 'both', 'seed')
	};
	const fraction = {
		probe: crossValidate(runs, 'probe', 'fraction'),
		hyper: crossValidate(runs, 'hyper', 'fraction'),
		both: crossValidate(runs, 'both', 'fraction')
	};
	const probeErr = seed.probe.points.filter((p) => p.timed).map((p) => Math.abs(Math.log(p.predicted / p.actual!)));
	const model = fitProbe(runs);
	let transfer: ForecastFitDocument['transfer'] = null;
	if (transferDoc) {
		const f = probeForecaster(model);
		const points: HeldOutPoint[] = forecastRuns(transferDoc)
			.filter((r) => r.features !== null)
			.map((r) => heldOutPoint(r, f));
		const tRuns = forecastRuns(transferDoc);
		transfer = { source: sourceOf(transferDoc), points, scores: scoresOf(points), runs: tRuns.map(row), spearman: r4(rhoOrdering(tRuns)) };
	}
	const bestSeedBaseline = beats(seed.cell.scores, seed.hyper.scores) ? seed.cell.scores : seed.hyper.scores;
	return {
		source: sourceOf(sweep),
		anchorFactor: ANCHOR_FACTOR,
		runs: runs.map(row),
		heldOut: { seed, fraction },
		model,
		rangeLog: r4(Math.max(Math.log(1.2), quantile(probeErr, 0.8))),
		probeBeatsBaseline: { seed: beats(seed.probe.scores, bestSeedBaseline), fraction: beats(fraction.probe.scores, fraction.hyper.scores) },
		transfer,
		spearman: r4(rhoOrdering(runs)),
		anchorSensitivity: SENSITIVITY_FACTORS.map((factor) => {
			const rs = forecastRuns(sweep, factor);
			return {
				factor,
				seed: { probe: crossValidate(rs, 'probe', 'seed').scores, cell: crossValidate(rs, 'cell', 'seed').scores },
				fraction: { probe: crossValidate(rs, 'probe', 'fraction').scores, hyper: crossValidate(rs, 'hyper', 'fraction').scores }
			};
		})
	};
}

export { median };

/** The article's forecast tables, computed at build time from content/data/forecast-fit.json (never typed by hand). */
import type { Scores } from './evaluate';
import type { ForecastFitDocument, RunRow } from './fit-document';

const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '–');
const pct = (x: number) => `${Math.round(100 * x)}%`;

function line(split: string, model: string, s: Scores): string {
	return `| ${split} | ${model} | ${f2(s.medianAbsLog)} (×${f2(Math.exp(s.medianAbsLog))}) | ${pct(s.within15)} | ${s.nTimed} | ${Math.round(s.accuracy * s.n)}/${s.n} |`;
}

/** Held-out scores of the probe and the hyper-parameter baselines, per rotation, and the p = 59 transfer. */
export function forecastScoresTable(doc: ForecastFitDocument): string {
	const h = doc.heldOut;
	const rows = [
		'| held out | model | median \\|ln(forecast/actual)\\| | within ×1.5 | runs timed | "breaks symmetry?" right |',
		'|---|---|---|---|---|---|',
		line('seed', 'probe (ρ, d ln ρ/d ln t, d ln β_c/d ln t)', h.seed.probe.scores),
		line('seed', 'same settings, other seeds (hyper-parameters only)', h.seed.cell.scores),
		line('seed', 'linear in ln wd, fraction (hyper-parameters only)', h.seed.hyper.scores),
		line('seed', 'probe + hyper-parameters together', h.seed.both.scores),
		line('train fraction', 'probe', h.fraction.probe.scores),
		line('train fraction', 'linear in ln wd, fraction (hyper-parameters only)', h.fraction.hyper.scores),
		line('train fraction', 'probe + hyper-parameters together', h.fraction.both.scores)
	];
	if (doc.transfer) rows.push(line(`p = 59 runs (${doc.transfer.source.preset})`, 'probe fitted on the sweep, unchanged', doc.transfer.scores));
	return rows.join('\n');
}

/** Per setting: the predictors at the anchor and the measured t_sb (range over seeds). */
export function forecastRunsTable(runs: RunRow[]): string {
	const keys = [...new Set(runs.map((r) => `${r.trainFraction}|${r.weightDecay}`))];
	const rng = (xs: (number | null)[], d = 2) => {
		const v = xs.filter((x): x is number => x !== null && Number.isFinite(x));
		if (!v.length) return '–';
		const minus = (x: number) => (Math.abs(x) < 0.5 * 10 ** -d ? 0 : x).toFixed(d).replace('-', '−');
		const lo = minus(Math.min(...v));
		const hi = minus(Math.max(...v));
		const t = lo === hi ? lo : Math.min(...v) < 0 ? `${lo} to ${hi}` : `${lo}–${hi}`;
		return v.length < xs.length ? `${t} (${v.length}/${xs.length})` : t;
	};
	const lines = ['| train fraction | weight decay | t_mem | ρ at 2·t_mem | d ln ρ/d ln t | d ln β_c/d ln t | t_sb |', '|---|---|---|---|---|---|---|'];
	for (const k of keys) {
		const rs = runs.filter((r) => `${r.trainFraction}|${r.weightDecay}` === k);
		lines.push(
			`| ${rs[0].trainFraction} | ${rs[0].weightDecay} | ${rng(rs.map((r) => r.tMem), 0)} | ${rng(rs.map((r) => (r.logRho === null ? null : Math.exp(r.logRho))))} | ${rng(rs.map((r) => r.rhoSlope))} | ${rng(rs.map((r) => r.betaCSlope))} | ${rng(rs.map((r) => r.tSb), 0)} |`
		);
	}
	return lines.join('\n');
}

/** The verdict's robustness to when the predictors are read (2 × t_mem is the pre-set choice the lab uses). */
export function forecastSensitivityTable(doc: ForecastFitDocument): string {
	const rows = [
		'| predictors read at | held out | probe: median \\|ln\\| | best hyper-parameter baseline: median \\|ln\\| | probe / baseline "breaks symmetry?" right |',
		'|---|---|---|---|---|'
	];
	const add = (factor: number, split: string, p: Scores, b: Scores) =>
		rows.push(`| ${factor} × t_mem | ${split} | ${f2(p.medianAbsLog)} | ${f2(b.medianAbsLog)} | ${Math.round(p.accuracy * p.n)}/${p.n} vs ${Math.round(b.accuracy * b.n)}/${b.n} |`);
	add(doc.anchorFactor, 'seed', doc.heldOut.seed.probe.scores, doc.heldOut.seed.cell.scores);
	add(doc.anchorFactor, 'train fraction', doc.heldOut.fraction.probe.scores, doc.heldOut.fraction.hyper.scores);
	for (const a of doc.anchorSensitivity) {
		add(a.factor, 'seed', a.seed.probe, a.seed.cell);
		add(a.factor, 'train fraction', a.fraction.probe, a.fraction.hyper);
	}
	return rows.join('\n');
}

/**
 * Markdown tables of saved SSL runs (content/data/ssl-*.json): one row per data source and τ, each statistic as the
 * range over seeds, computed from the trajectory columns; and ρ with the kNN accuracy at fixed steps. Computed from
 * the files, never typed by hand.
 */
import { crossingAfterDip } from './ssl-crossing';
import { range, type SweepDocument } from './sweep-table';

type Run = SweepDocument['runs'][number] & { tau?: number; data?: string };
type Columns = Record<string, (number | null)[]>;

function groups(docs: SweepDocument[]): { data: string; tau: string; runs: Run[] }[] {
	const out = new Map<string, { data: string; tau: string; runs: Run[] }>();
	for (const doc of docs) {
		for (const r of doc.runs as Run[]) {
			if (r.summary.toy !== 'ssl' || !r.trajectory) continue;
			const data = r.data ?? '?';
			const tau = String(r.tau ?? '?');
			const key = `${data}|${tau}`;
			if (!out.has(key)) out.set(key, { data, tau, runs: [] });
			// The same (data, τ, seed) measured twice (e.g. the τ sweep repeats τ 0.1): keep the first.
			const g = out.get(key)!;
			if (!g.runs.some((x) => x.seed === r.seed)) g.runs.push(r);
		}
	}
	return [...out.values()];
}

const num = (xs: (number | null)[] | undefined): number[] => (xs ?? []).map((x) => (x === null ? NaN : x));

/** The statistics of one run, from its trajectory columns. */
export function sslRunStats(t: Columns) {
	const steps = num(t.step);
	const rho = num(t.rho);
	const knn = num(t.knnAcc);
	const wt = num(t.wt);
	const eff = num(t.effectiveRank);
	const last = steps.length - 1;
	let peak = 0;
	rho.forEach((v, i) => {
		if (v > rho[peak]) peak = i;
	});
	const cross = crossingAfterDip(steps, rho);
	const knnMax = Math.max(...knn.filter(Number.isFinite));
	const half = knn[0] + (knnMax - knn[0]) / 2;
	const halfIndex = knnMax > knn[0] ? knn.findIndex((v) => v >= half) : -1;
	let wtMin = 0;
	wt.forEach((v, i) => {
		if (v < wt[wtMin]) wtMin = i;
	});
	return {
		rawKnn: num(t.rawKnnAcc)[0],
		knnStart: knn[0],
		knnMax,
		knnFinal: knn[last],
		knnHalfRise: halfIndex >= 0 ? steps[halfIndex] : null,
		rhoStart: rho[0],
		dip: rho[cross.dipIndex],
		dipStep: steps[cross.dipIndex],
		crossing: cross.step,
		knnAtCrossing: cross.index === null ? null : knn[cross.index],
		peak: rho[peak],
		peakStep: steps[peak],
		rhoFinal: rho[last],
		foldBack: 100 * (1 - rho[last] / rho[peak]),
		wtStart: wt[0],
		wtMin: wt[wtMin],
		wtMinStep: steps[wtMin],
		wtFinal: wt[last],
		effStart: eff[0],
		effFinal: eff[last],
		steps: steps[last]
	};
}

export function sslTable(docs: SweepDocument[]): string {
	const lines = [
		'| data | τ | seeds | kNN: raw inputs | kNN: step 0 → max → final | kNN half rise (step) | ρ at step 0 | ρ dip (step) | ρ crosses 1 after the dip (step) | kNN there | ρ peak (step) | ρ final | fold-back from peak | W/T: start → min (step) → final | eff. rank: start → final | steps |',
		'|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|'
	];
	for (const g of groups(docs)) {
		const s = g.runs.map((r) => sslRunStats(r.trajectory as Columns));
		const col = <K extends keyof (typeof s)[number]>(k: K, digits = 2) => range(s.map((x) => x[k] as number | null), digits);
		lines.push(
			`| ${g.data} | ${g.tau} | ${g.runs.map((r) => r.seed).join(',')} | ${col('rawKnn', 3)} | ${col('knnStart', 3)} → ${col('knnMax', 3)} → ${col('knnFinal', 3)} | ${col('knnHalfRise', 0)} | ${col('rhoStart')} | ${col('dip')} (${col('dipStep', 0)}) | ${col('crossing', 0)} | ${col('knnAtCrossing', 3)} | ${col('peak')} (${col('peakStep', 0)}) | ${col('rhoFinal')} | ${col('foldBack', 0)}% | ${col('wtStart')} → ${col('wtMin')} (${col('wtMinStep', 0)}) → ${col('wtFinal')} | ${col('effStart', 1)} → ${col('effFinal', 1)} | ${col('steps', 0)} |`
		);
	}
	return lines.join('\n');
}

/** Value of column `key` at a step (the last snapshot at or before it). */
function at(traj: Columns | undefined, key: string, step: number): number | null {
	if (!traj?.[key]) return null;
	let out: number | null = null;
	traj.step.forEach((s, i) => {
		if (s !== null && s <= step) out = traj[key][i];
	});
	return out;
}

/** ρ and kNN accuracy at fixed steps, per data source and τ (ranges over seeds). */
export function sslStepTable(docs: SweepDocument[], steps: number[]): string {
	const lines = [`| data | τ | ${steps.map((s) => `step ${s}: ρ / kNN`).join(' | ')} |`, `|---|---|${steps.map(() => '---').join('|')}|`];
	for (const g of groups(docs)) {
		const cells = steps.map((st) => {
			const ok = g.runs.filter((r) => (r.summary.steps ?? 0) >= st);
			if (ok.length === 0) return '–';
			return `${range(ok.map((r) => at(r.trajectory as Columns, 'rho', st)), 2)} / ${range(ok.map((r) => at(r.trajectory as Columns, 'knnAcc', st)), 2)}`;
		});
		lines.push(`| ${g.data} | ${g.tau} | ${cells.join(' | ')} |`);
	}
	return lines.join('\n');
}

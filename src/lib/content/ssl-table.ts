/**
 * Markdown tables of saved SSL runs (content/data/ssl-*.json): one row per data source and τ, each statistic as the
 * range over seeds, computed from the trajectory columns; and ρ with the kNN accuracy at fixed steps. Computed from
 * the files, never typed by hand.
 */
import { crossingAfterDip } from '../train/ssl-crossing';
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

/** One column per data source and τ, one row per statistic (ranges over seeds). */
export function sslTable(docs: SweepDocument[]): string {
	const gs = groups(docs);
	const stats = gs.map((g) => g.runs.map((r) => sslRunStats(r.trajectory as Columns)));
	type Stat = keyof ReturnType<typeof sslRunStats>;
	const cell = (k: Stat, digits = 2) => stats.map((s) => range(s.map((x) => x[k] as number | null), digits));
	const join = (...parts: (string[] | string)[]) =>
		gs.map((_, i) => parts.map((p) => (typeof p === 'string' ? p : p[i])).join(''));
	const rows: [string, string[]][] = [
		['seeds', gs.map((g) => g.runs.map((r) => r.seed).join(','))],
		['steps', cell('steps', 0)],
		['kNN, raw inputs (baseline)', cell('rawKnn', 3)],
		['kNN at step 0 → max → final', join(cell('knnStart', 3), ' → ', cell('knnMax', 3), ' → ', cell('knnFinal', 3))],
		['kNN half rise (step)', cell('knnHalfRise', 0)],
		['ρ at step 0', cell('rhoStart')],
		['ρ dip (step)', join(cell('dip'), ' (', cell('dipStep', 0), ')')],
		['ρ crosses 1 after the dip (step)', cell('crossing', 0)],
		['kNN at that crossing', cell('knnAtCrossing', 3)],
		['ρ peak (step)', join(cell('peak'), ' (', cell('peakStep', 0), ')')],
		['ρ final', cell('rhoFinal')],
		['fold-back from the peak', join(cell('foldBack', 0), '%')],
		['W/T start → min (step) → final', join(cell('wtStart'), ' → ', cell('wtMin'), ' (', cell('wtMinStep', 0), ') → ', cell('wtFinal'))],
		['effective rank start → final', join(cell('effStart', 1), ' → ', cell('effFinal', 1))]
	];
	const head = `| | ${gs.map((g) => `${g.data}, τ = ${g.tau}`).join(' | ')} |`;
	return [head, `|---|${gs.map(() => '---').join('|')}|`, ...rows.map(([k, v]) => `| ${k} | ${v.join(' | ')} |`)].join('\n');
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

/** ρ and kNN accuracy at fixed steps (rows), one column per data source and τ (ranges over seeds). */
export function sslStepTable(docs: SweepDocument[], steps: number[]): string {
	const gs = groups(docs);
	const lines = [`| step | ${gs.map((g) => `${g.data}, τ = ${g.tau}: ρ / kNN`).join(' | ')} |`, `|---|${gs.map(() => '---').join('|')}|`];
	for (const st of steps) {
		const cells = gs.map((g) => {
			const ok = g.runs.filter((r) => (r.summary.steps ?? 0) >= st);
			if (ok.length === 0) return '–';
			return `${range(ok.map((r) => at(r.trajectory as Columns, 'rho', st)), 2)} / ${range(ok.map((r) => at(r.trajectory as Columns, 'knnAcc', st)), 2)}`;
		});
		lines.push(`| ${st} | ${cells.join(' | ')} |`);
	}
	return lines.join('\n');
}

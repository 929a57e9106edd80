/**
 * Markdown tables of saved SSL runs (content/data/ssl-*.json): one row per data source and τ, each statistic as the
 * range over seeds; and ρ with the kNN accuracy at fixed steps. Computed from the files, never typed by hand.
 */
import type { SslSummary } from './run-summary';
import { range, type SweepDocument } from './sweep-table';

type Run = SweepDocument['runs'][number] & { tau?: number; data?: string };

function groups(docs: SweepDocument[]): { label: string; runs: Run[] }[] {
	const out = new Map<string, Run[]>();
	for (const doc of docs) {
		for (const r of doc.runs as Run[]) {
			if (r.summary.toy !== 'ssl') continue;
			const key = `${r.data ?? '?'} | ${r.tau ?? '?'}`;
			if (!out.has(key)) out.set(key, []);
			// The same (data, τ, seed) measured twice (e.g. the τ sweep repeats τ 0.1): keep the first.
			if (!out.get(key)!.some((x) => x.seed === r.seed)) out.get(key)!.push(r);
		}
	}
	return [...out].map(([label, runs]) => ({ label, runs }));
}

const pct = (x: number | null | undefined) => (typeof x === 'number' ? 100 * x : null);

export function sslTable(docs: SweepDocument[]): string {
	const lines = [
		'| data | τ | seeds | raw-input kNN | kNN at step 0 | kNN max | kNN final | kNN half rise (step) | ρ at step 0 | ρ dip | dip step | ρ crosses 1 (step) | kNN at the crossing | ρ peak | peak step | ρ final | fold-back from peak (%) | W/T start | W/T final | eff. rank start | eff. rank final | steps |',
		'|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|'
	];
	for (const g of groups(docs)) {
		const s = g.runs.map((r) => r.summary as SslSummary);
		lines.push(
			`| ${g.label} | ${g.runs.map((r) => r.seed).join(',')} | ${range(s.map((x) => x.rawKnnAcc), 3)} | ${range(s.map((x) => x.knnStart), 3)} | ${range(s.map((x) => x.knnMax), 3)} | ${range(s.map((x) => x.knnFinal), 3)} | ${range(s.map((x) => x.knnHalfRise))} | ${range(s.map((x) => x.rhoStart), 2)} | ${range(s.map((x) => x.rhoMin), 2)} | ${range(s.map((x) => x.rhoMinStep))} | ${range(s.map((x) => x.onset), 0)} | ${range(s.map((x) => x.knnAtOnset), 3)} | ${range(s.map((x) => x.rhoMax), 2)} | ${range(s.map((x) => x.rhoMaxStep))} | ${range(s.map((x) => x.rhoFinal), 2)} | ${range(s.map((x) => pct(x.foldBack)), 0)} | ${range(s.map((x) => x.wtStart), 2)} | ${range(s.map((x) => x.wtFinal), 2)} | ${range(s.map((x) => x.effRankStart), 1)} | ${range(s.map((x) => x.effRankFinal), 1)} | ${range(s.map((x) => x.steps))} |`
		);
	}
	return lines.join('\n');
}

/** Value of column `key` at a step (the last snapshot at or before it). */
function at(traj: Record<string, (number | null)[]> | undefined, key: string, step: number): number | null {
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
			return `${range(ok.map((r) => at(r.trajectory, 'rho', st)), 2)} / ${range(ok.map((r) => at(r.trajectory, 'knnAcc', st)), 2)}`;
		});
		lines.push(`| ${g.label} | ${cells.join(' | ')} |`);
	}
	return lines.join('\n');
}

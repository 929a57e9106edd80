/**
 * Markdown tables from a saved sweep (the JSON that `npm run train -- … --out FILE` writes), so the numbers quoted in
 * content/ are computed, not copied: per weight decay (grokking) or overall (SAE), each statistic as the range over
 * seeds ("lo–hi", or one value when all seeds agree; "–" when an event never happened, "n/N" when only some seeds had it).
 */
import { fixedNumber } from '../format/number';
import type { GrokkingSummary, RunSummary, SaeSummary } from '../train/run-summary';

export interface SweepDocument {
	command: string;
	date: string;
	backend: string;
	preset: string;
	runs: { seed: number; weightDecay: number; stepBudget?: number; summary: RunSummary; trajectory?: Record<string, (number | null)[]> }[];
}

/** Range over seeds of a possibly-missing statistic. */
export function range(values: (number | null | undefined)[], digits = 2): string {
	const present = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
	if (present.length === 0) return '–';
	const lo = Math.min(...present);
	const hi = Math.max(...present);
	const text = fixedNumber(lo, digits) === fixedNumber(hi, digits) ? fixedNumber(lo, digits) : `${fixedNumber(lo, digits)}–${fixedNumber(hi, digits)}`;
	return present.length < values.length ? `${text} (${present.length}/${values.length})` : text;
}

/** ρ at a given step from a run's trajectory (the last snapshot at or before it), or null. */
export function rhoAt(traj: Record<string, (number | null)[]> | undefined, step: number): number | null {
	if (!traj) return null;
	let out: number | null = null;
	traj.step.forEach((s, i) => {
		if (s !== null && s <= step) out = traj.rho[i];
	});
	return out;
}

export function grokkingTable(doc: SweepDocument): string {
	const decays = [...new Set(doc.runs.map((r) => r.weightDecay))];
	const lines = [
		'| weight decay | seeds | train 99% | test 50% | test 95% | ρ crosses 1 (onset) | probe escape | W/T symmetry breaking | lag t_sb/t_on | ρ after memorisation (median) | ρ at test 50% | ρ max | final test acc | steps run |',
		'|---|---|---|---|---|---|---|---|---|---|---|---|---|---|'
	];
	for (const wd of decays) {
		const runs = doc.runs.filter((r) => r.weightDecay === wd);
		const s = runs.map((r) => r.summary as GrokkingSummary);
		lines.push(
			`| ${wd} | ${runs.map((r) => r.seed).join(',')} | ${range(s.map((x) => x.train99))} | ${range(s.map((x) => x.test50))} | ${range(s.map((x) => x.test95))} | ${range(s.map((x) => x.onset), 0)} | ${range(s.map((x) => x.escape), 0)} | ${range(s.map((x) => x.symmetryBreaking), 0)} | ${range(s.map((x) => x.lag), 1)} | ${range(s.map((x) => x.rhoPlateau), 2)} | ${range(s.map((x) => x.rhoAtTest50), 2)} | ${range(s.map((x) => x.rhoMax), 1)} | ${range(s.map((x) => x.finalTestAcc), 3)} | ${range(s.map((x) => x.steps))} |`
		);
	}
	return lines.join('\n');
}

/** ρ(t) at fixed steps per weight decay (range over seeds). */
export function rhoTrajectoryTable(doc: SweepDocument, steps: number[]): string {
	const decays = [...new Set(doc.runs.map((r) => r.weightDecay))];
	const lines = [`| weight decay | ${steps.map((s) => `ρ @ ${s}`).join(' | ')} |`, `|---|${steps.map(() => '---').join('|')}|`];
	for (const wd of decays) {
		const runs = doc.runs.filter((r) => r.weightDecay === wd);
		const cells = steps.map((st) => {
			const vals = runs.map((r) => ((r.summary.steps ?? 0) >= st ? rhoAt(r.trajectory, st) : null));
			return range(vals, 2);
		});
		lines.push(`| ${wd} | ${cells.join(' | ')} |`);
	}
	return lines.join('\n');
}

export function saeTable(doc: SweepDocument): string {
	const s = doc.runs.map((r) => r.summary as SaeSummary);
	const l = s.map((x) => x.lottery);
	const rows: [string, string][] = [
		['seeds', doc.runs.map((r) => r.seed).join(',')],
		['steps', range(s.map((x) => x.steps))],
		['early step (5%)', range(l.map((x) => x?.earlyStep))],
		['Spearman(early, final purity)', range(l.map((x) => x?.spearman), 3)],
		['top-decile final purity', range(l.map((x) => x?.topDecilePurity), 3)],
		['chance baseline', range(l.map((x) => x?.baseline), 4)],
		['top decile ÷ baseline', range(l.map((x) => x?.ratioToBaseline), 2)],
		['all-atom mean purity', range(l.map((x) => x?.meanPurity), 3)],
		['top decile ÷ all-atom mean', range(l.map((x) => x?.ratioToMean), 2)],
		['atoms alive at both', range(l.map((x) => x?.nAlive))],
		['MMCS', range(s.map((x) => x.mmcs), 3)],
		['dead atoms', range(s.map((x) => x.dead))],
		['L0', range(s.map((x) => x.l0), 1)],
		['MSE', range(s.map((x) => x.mse), 3)],
		['residual ρ at step 0', range(s.map((x) => x.rhoStart), 2)],
		['residual ρ crosses 1 at step', range(s.map((x) => x.onset), 1)],
		['residual ρ final', range(s.map((x) => x.rhoFinal), 1)]
	];
	return ['| statistic | value (range over seeds) |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n');
}

/** Where a saved run file came from: every file trimmed for the browser carries these, and its figure prints them. */
export function provenanceOf(doc: { command: string; date: string; backend: string }): { command: string; date: string; backend: string } {
	return { command: doc.command, date: doc.date, backend: doc.backend };
}

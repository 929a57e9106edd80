/**
 * Markdown tables of the SAE lottery study and of the β comparison, computed from content/data at build time
 * (sae-lottery-study.json, sae-lottery-trace.json). Ranges over seeds as in sweep-table.ts.
 */
import { range } from './sweep-table';
import type { StudyDocument, StudyRun } from '../train/node/sae-study';

/** The paper's Spearman ρ_id (0.41 ± 0.04): "near" = within two of its standard deviations. */
const PAPER = { spearman: 0.41, spearmanSd: 0.04, topDecile: 0.82, ratioToBaseline: 12.3 };

export function nearPaperSpearman(spearman: number): boolean {
	return Math.abs(spearman - PAPER.spearman) <= 2 * PAPER.spearmanSd;
}

export function studyTable(doc: StudyDocument): string {
	const head =
		'| setting | Spearman @1% | @5% | @10% | chance | top decile ÷ chance | ÷ mean | MMCS | dead | L0 | settles at |\n' +
		'|---|---|---|---|---|---|---|---|---|---|---|';
	const rows = doc.settings.map((s) => {
		const runs = doc.runs.filter((r) => r.setting === s.id);
		const at = (f: number, k: keyof StudyRun['lottery'][string]) => runs.map((r) => r.lottery[String(f)]?.[k] ?? null);
		const label = s.id === 'base' ? 'base' : s.label;
		return `| ${label}${runs.length > 3 ? ` (${runs.length} seeds)` : ''} | ${range(at(0.01, 'spearman'))} | ${range(at(0.05, 'spearman'))} | ${range(at(0.1, 'spearman'))} | ${range(at(0.05, 'baseline'), 3)} | ${range(at(0.05, 'ratioToBaseline'), 1)} | ${range(at(0.05, 'ratioToMean'))} | ${range(runs.map((r) => r.mmcs), 3)} | ${range(runs.map((r) => r.dead), 0)} | ${range(runs.map((r) => r.l0), 1)} | ${range(runs.map((r) => r.settleStep), 0)} |`;
	});
	const seeds = [...new Set(doc.runs.map((r) => r.seed))].sort((a, b) => a - b).join(',');
	return `${head}\n${rows.join('\n').replace(/-0\.00\b/g, '0.00')}\n\nSeeds ${seeds}; ranges over seeds. Top decile = the tenth of atoms with the highest purity at 5%; its final purity ÷ chance and ÷ the mean of all atoms. "Settles at": first step where Spearman(purity at t, final) ≥ 0.9. Base: m/G = ${doc.base.atoms / doc.base.features}, λ₁ ${doc.base.l1}, lr ${doc.base.hyper.lr}, ${doc.base.steps} steps. Paper: Spearman 0.41 ± 0.04, top decile 12.3× chance.`;
}

export interface TraceDocument {
	command: string;
	date: string;
	backend: string;
	preset: string;
	runs: {
		seed: number;
		steps: number;
		settleStep: number | null;
		lottery: Record<string, { spearman: number }>;
		crossing: Record<'residual' | 'encoderReadout' | 'codes', number | null> | null;
		rhoStart: Record<'residual' | 'encoderReadout' | 'codes', number> | null;
		rho: Record<'residual' | 'encoderReadout' | 'codes', number[]> | null;
	}[];
}

const MODES = [
	['residual', '`residual`: β = d/MSE, probe on x'],
	['encoderReadout', '`readout` on the encoder rows acting on x'],
	['codes', 'probe on the codes z, β = d/MSE']
] as const;

export function betaTable(doc: TraceDocument): string {
	const head =
		'| β candidate | ρ at step 0 | ρ crosses 1 at step | ρ at the end | ranking settles (step) | crossing ÷ settle step |\n|---|---|---|---|---|---|';
	const rows = MODES.map(([k, label]) => {
		const start = doc.runs.map((r) => r.rhoStart?.[k] ?? null);
		const cross = doc.runs.map((r) => (r.rhoStart && r.rhoStart[k] >= 1 ? null : (r.crossing?.[k] ?? null)));
		const startsAbove = doc.runs.filter((r) => r.rhoStart && r.rhoStart[k] >= 1).length;
		const end = doc.runs.map((r) => r.rho?.[k].at(-1) ?? null);
		const settle = doc.runs.map((r) => r.settleStep);
		const ratio = doc.runs.map((r, i) => (cross[i] !== null && r.settleStep ? cross[i]! / r.settleStep : null));
		const crossText = startsAbove === doc.runs.length ? 'starts above 1' : range(cross, 1) + (startsAbove ? ` (${startsAbove} start above 1)` : '');
		return `| ${label} | ${range(start)} | ${crossText} | ${range(end)} | ${range(settle, 0)} | ${range(ratio, 4)} |`;
	});
	return `${head}\n${rows.join('\n')}`;
}

function median(xs: number[]): number {
	const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
	if (s.length === 0) return NaN;
	const h = Math.floor(s.length / 2);
	return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

/** A paragraph computed from the study: which settings come near the paper's numbers and which do not. */
export function studyVerdict(doc: StudyDocument): string {
	const per = doc.settings.map((s) => {
		const runs = doc.runs.filter((r) => r.setting === s.id);
		const at = (k: 'spearman' | 'ratioToBaseline' | 'ratioToMean') => median(runs.map((r) => r.lottery['0.05']?.[k] ?? NaN));
		return { label: s.label, spearman: at('spearman'), base: at('ratioToBaseline'), mean: at('ratioToMean') };
	});
	const f = (x: number, d = 2) => x.toFixed(d);
	const near = per.filter((p) => nearPaperSpearman(p.spearman));
	const far = [...per].sort((a, b) => Math.abs(b.spearman - PAPER.spearman) - Math.abs(a.spearman - PAPER.spearman))[0];
	const reach = per.filter((p) => p.base >= PAPER.ratioToBaseline);
	const best = [...per].sort((a, b) => b.base - a.base)[0];
	const means = per.map((p) => p.mean);
	const baseRuns = doc.runs.filter((r) => r.setting === 'base');
	const baseMedian = median(baseRuns.map((r) => r.lottery['0.05']?.spearman ?? NaN));
	const parts = [
		`Computed from the table (medians over seeds, early = 5%): the base setting's median Spearman is ${f(baseMedian)} over ${baseRuns.length} seeds. The Spearman correlation is within 0.41 ± 0.08 of the paper in ${near.length ? near.map((p) => `${p.label} (${f(p.spearman)})`).join(', ') : 'no setting'}; the furthest is ${far.label} (${f(far.spearman)}).`,
		reach.length
			? `The top decile reaches the paper's 12.3× chance in ${reach.map((p) => `${p.label} (${f(p.base, 1)}×)`).join(', ')}.`
			: `No setting reaches the paper's 12.3× chance for the top decile; the highest is ${best.label} (${f(best.base, 1)}×).`,
		`Against the mean of all atoms the top decile is only ${f(Math.min(...means))}–${f(Math.max(...means))}× in every setting.`
	];
	return parts.join(' ');
}

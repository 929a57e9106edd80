/**
 * The SAE lottery study (docs/theory.md §6): one factor at a time from a base preset, several seeds each, and the
 * schema of the saved document (content/data/sae-lottery-study.json). Plain data, no tfjs.
 */
import type { SaeConfig } from '../config';

export interface StudySetting {
	/** Short id, unique within the study. */
	id: string;
	/** The factor varied (the base has factor "base"). */
	factor: string;
	label: string;
	/** Changes applied to the base config. */
	changes: Partial<SaeConfig>;
}

/** Factors varied one at a time from the base (sae-small: d 16, G 64, m 128, q 0.04, λ1 0.25, lr 2e-3). */
export function studySettings(base: SaeConfig): StudySetting[] {
	const G = base.features;
	return [
		{ id: 'base', factor: 'base', label: `base (m/G = ${base.atoms / G}, λ₁ ${base.l1}, lr ${base.hyper.lr})`, changes: {} },
		{ id: 'zipf', factor: 'frequencies', label: 'Zipf-like frequencies (p_g ∝ 1/g)', changes: { frequency: 'zipf' } },
		{ id: 'mag-exp', factor: 'magnitudes', label: 'magnitudes Exp(mean ½)', changes: { magnitude: 'exponential' } },
		{ id: 'mag-bounded', factor: 'magnitudes', label: 'magnitudes U(½, 1)', changes: { magnitude: 'bounded' } },
		{ id: 'groups4', factor: 'correlation', label: 'correlated groups of 4', changes: { groupSize: 4 } },
		{ id: 'm1', factor: 'width', label: 'm/G = 1', changes: { atoms: G } },
		{ id: 'm4', factor: 'width', label: 'm/G = 4', changes: { atoms: 4 * G } },
		{ id: 'l1-0.1', factor: 'L1', label: 'λ₁ = 0.1', changes: { l1: 0.1 } },
		{ id: 'l1-0.5', factor: 'L1', label: 'λ₁ = 0.5', changes: { l1: 0.5 } },
		{ id: 'lr-5e-4', factor: 'learning rate', label: 'lr 5e-4', changes: { hyper: { ...base.hyper, lr: 5e-4 } } },
		{ id: 'lr-5e-3', factor: 'learning rate', label: 'lr 5e-3', changes: { hyper: { ...base.hyper, lr: 5e-3 } } },
		{ id: 'dec-data', factor: 'decoder init', label: 'decoder rows sampled from data', changes: { decoderInit: 'data' } }
	];
}

export function applySetting(base: SaeConfig, s: StudySetting): SaeConfig {
	return { ...structuredClone(base), ...structuredClone(s.changes) };
}

/** One run's summary in the study document. */
export interface StudyRun {
	setting: string;
	seed: number;
	/** Lottery statistics per early fraction ("0.01", "0.05", "0.1"). */
	lottery: Record<string, { earlyStep: number; nAlive: number; spearman: number; topDecilePurity: number; baseline: number; meanPurity: number; ratioToBaseline: number; ratioToMean: number }>;
	mmcs: number;
	dead: number;
	l0: number;
	mse: number;
	meanPurity: number;
	settleStep: number | null;
	msPerStep: number;
}

export interface StudyDocument {
	command: string;
	date: string;
	backend: string;
	preset: string;
	note: string;
	earlyFractions: number[];
	settleLevel: number;
	base: SaeConfig;
	settings: StudySetting[];
	runs: StudyRun[];
}

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** Problems with a study document (empty when it is well formed). Used by the schema test and the article loader. */
export function studyProblems(doc: unknown): string[] {
	const p: string[] = [];
	const d = doc as Partial<StudyDocument>;
	if (!d || typeof d !== 'object') return ['not an object'];
	for (const k of ['command', 'date', 'backend', 'preset'] as const) if (typeof d[k] !== 'string' || !d[k]) p.push(`missing ${k}`);
	if (typeof d.command === 'string' && !d.command.startsWith('npm run ')) p.push('command must be an npm run command');
	if (!Array.isArray(d.earlyFractions) || d.earlyFractions.length === 0 || !d.earlyFractions.every(isNum)) p.push('earlyFractions');
	if (!Array.isArray(d.settings) || d.settings.length === 0) p.push('settings');
	if (!Array.isArray(d.runs) || d.runs.length === 0) return [...p, 'runs'];
	const ids = new Set((d.settings ?? []).map((s) => s.id));
	for (const [i, r] of d.runs.entries()) {
		if (!ids.has(r.setting)) p.push(`run ${i}: unknown setting ${r.setting}`);
		if (!Number.isInteger(r.seed)) p.push(`run ${i}: seed`);
		for (const k of ['mmcs', 'dead', 'l0', 'mse'] as const) if (!isNum(r[k])) p.push(`run ${i}: ${k}`);
		for (const f of d.earlyFractions ?? []) {
			const l = r.lottery?.[String(f)];
			if (!l) {
				p.push(`run ${i}: lottery at ${f}`);
				continue;
			}
			for (const k of ['spearman', 'ratioToBaseline', 'ratioToMean', 'baseline', 'topDecilePurity'] as const)
				if (!isNum(l[k])) p.push(`run ${i}: lottery ${f} ${k}`);
		}
	}
	for (const id of ids) {
		const seeds = new Set(d.runs.filter((r) => r.setting === id).map((r) => r.seed));
		if (seeds.size < 3) p.push(`setting ${id}: ${seeds.size} seeds (need ≥ 3)`);
	}
	return p;
}

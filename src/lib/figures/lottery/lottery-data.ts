/**
 * The plain data the lottery figure draws (docs/theory.md §6), fed from the measured runs or live from the lab:
 * every atom's purity at each evaluation step, the chance baseline, and which step counts as "early".
 * Pure functions, no Svelte, no DOM.
 */
import { lotteryStats, spearman } from '$lib/train/lottery';

export interface LotteryData {
	/** Evaluation steps, ascending (columns of `purity`). */
	steps: number[];
	/** Per atom (rows) and step (columns): purity in [0, 1]; NaN where the atom is dead. */
	purity: number[][];
	/** Chance purity of random 50-sample subsets. */
	baseline: number;
	/** The step whose purity is the lottery's "early" ticket (5% of training). */
	earlyStep: number;
}

export interface LotteryView {
	/** Atoms alive at the early and the final step. */
	atoms: number;
	spearman: number;
	topDecilePurity: number;
	meanPurity: number;
	ratioToBaseline: number;
	ratioToMean: number;
	/** Per atom: in the top decile by early purity (among atoms alive at both). */
	top: boolean[];
	/** Atom indices sorted by final purity, highest first (dead at the end). */
	order: number[];
}

const alive = (v: number) => (Number.isFinite(v) ? 1 : 0);

/** Column of `purity` at step index i. */
export function purityAt(data: LotteryData, i: number): number[] {
	return data.purity.map((row) => row[i] ?? NaN);
}

/** Index of the evaluation step nearest to `step`. */
export function stepIndex(data: LotteryData, step: number): number {
	let best = 0;
	for (let i = 1; i < data.steps.length; i++) if (Math.abs(data.steps[i] - step) < Math.abs(data.steps[best] - step)) best = i;
	return best;
}

/** The lottery statistics of the data (early = data.earlyStep, final = the last step). */
export function lotteryView(data: LotteryData): LotteryView {
	const last = data.steps.length - 1;
	const e = purityAt(data, stepIndex(data, data.earlyStep));
	const f = purityAt(data, last);
	const s = lotteryStats(data.earlyStep, e, e.map(alive), f, f.map(alive), data.baseline);
	const both = e.map((_, j) => Number.isFinite(e[j]) && Number.isFinite(f[j]));
	const ranked = e.map((_, j) => j).filter((j) => both[j]).sort((a, b) => e[b] - e[a] || a - b);
	const nTop = Math.max(1, Math.ceil(ranked.length / 10));
	const top = e.map(() => false);
	for (const j of ranked.slice(0, nTop)) top[j] = true;
	const order = f.map((_, j) => j).sort((a, b) => (Number.isFinite(f[b]) ? f[b] : -1) - (Number.isFinite(f[a]) ? f[a] : -1) || a - b);
	return {
		atoms: s.nAlive,
		spearman: s.spearman,
		topDecilePurity: s.topDecilePurity,
		meanPurity: s.meanPurity,
		ratioToBaseline: s.ratioToBaseline,
		ratioToMean: s.ratioToMean,
		top,
		order
	};
}

/** Spearman(purity at step index i, final purity) over atoms alive at both; NaN with fewer than 3 atoms. */
export function spearmanToFinal(data: LotteryData, i: number): number {
	const a = purityAt(data, i);
	const f = purityAt(data, data.steps.length - 1);
	const x: number[] = [];
	const y: number[] = [];
	for (let j = 0; j < a.length; j++) {
		if (Number.isFinite(a[j]) && Number.isFinite(f[j])) {
			x.push(a[j]);
			y.push(f[j]);
		}
	}
	return x.length >= 3 ? spearman(x, y) : NaN;
}

/** From the saved per-step rows (purity in percent, −1 = dead) to the figure's per-atom shape. */
export function fromPercentRows(steps: number[], rows: number[][], baseline: number, earlyStep: number): LotteryData {
	const m = rows[0]?.length ?? 0;
	const purity = Array.from({ length: m }, (_, j) => rows.map((r) => (r[j] >= 0 ? r[j] / 100 : NaN)));
	return { steps, purity, baseline, earlyStep };
}

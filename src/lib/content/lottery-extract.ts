/**
 * content/data/sae-lottery-trace.json → the lottery figure's file (static/data/lottery.json at build time): per seed
 * the evaluation steps, every atom's purity in percent (−1 dead), the baseline and the early step, plus provenance.
 */
import { provenanceOf } from './sweep-table';
export interface LotteryFileRun {
	seed: number;
	steps: number[];
	/** Rows = evaluation steps, columns = atoms; percent, −1 = dead. */
	purityPct: number[][];
	baseline: number;
	earlyStep: number;
}

export interface LotteryFile {
	command: string;
	date: string;
	backend: string;
	preset: string;
	runs: LotteryFileRun[];
}

interface TraceDoc {
	command: string;
	date: string;
	backend: string;
	preset: string;
	runs: { seed: number; evalSteps: number[]; purityPct: number[][]; baseline: number; lottery: Record<string, { earlyStep: number }> }[];
}

export function extractLottery(doc: TraceDoc): LotteryFile {
	if (!Array.isArray(doc.runs) || doc.runs.length === 0) throw new Error('sae-lottery-trace.json has no runs');
	return {
		...provenanceOf(doc),
		preset: doc.preset,
		runs: doc.runs.map((r) => {
			const early = r.lottery['0.05'];
			if (!early) throw new Error(`seed ${r.seed}: no lottery at early fraction 0.05`);
			if (r.purityPct.length !== r.evalSteps.length) throw new Error(`seed ${r.seed}: purity rows ≠ evaluation steps`);
			return { seed: r.seed, steps: r.evalSteps, purityPct: r.purityPct, baseline: r.baseline, earlyStep: early.earlyStep };
		})
	};
}

/**
 * Trims a measured grokking sweep (content/data/grokking-sweep.json) to what the article's trajectory figure draws,
 * so the browser fetches a few tens of kB instead of every column. Pure: JSON in, JSON out.
 */
import type { SweepDocument } from '$lib/content/sweep-table';
import type { GrokkingSummary } from '$lib/train/run-summary';
import { provenanceOf } from './sweep-table';

export interface TrajectoryRun {
	seed: number;
	weightDecay: number;
	step: number[];
	rho: (number | null)[];
	wt: (number | null)[];
	testAcc: (number | null)[];
	onset: number | null;
	symmetryBreaking: number | null;
	lag: number | null;
	test95: number | null;
}

export interface TrajectoryFile {
	command: string;
	date: string;
	backend: string;
	preset: string;
	runs: TrajectoryRun[];
}

export function extractTrajectories(doc: SweepDocument): TrajectoryFile {
	return {
		...provenanceOf(doc),
		preset: doc.preset,
		runs: doc.runs.map((r) => {
			const t = r.trajectory ?? {};
			const s = r.summary as GrokkingSummary;
			return {
				seed: r.seed,
				weightDecay: r.weightDecay,
				step: (t.step ?? []).map((v) => v ?? NaN),
				rho: t.rho ?? [],
				wt: t.wt ?? [],
				testAcc: t.testAcc ?? [],
				onset: s.onset,
				symmetryBreaking: s.symmetryBreaking,
				lag: s.lag,
				test95: s.test95
			};
		})
	};
}

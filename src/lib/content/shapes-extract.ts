/**
 * Build step for the shapes figure: the measured run files listed in SHAPE_SOURCES → one small JSON with each
 * run's ρ(t), W/T(t), β_c(t) and its shape tag recomputed by the current rules (analyseTrajectory), never the tag
 * stored in the file (older files were tagged by older rules). Pure: documents in, JSON out.
 */
import { analyseTrajectory } from '../probe/analyse-trajectory';
import type { TrajectoryEvents, TrajectoryPoint } from '../probe/types';
import type { ShapeSource } from './shape-sources';

/** The part of a `npm run train --out` document this needs. */
export interface RunDocument {
	command: string;
	date: string;
	backend: string;
	preset?: string;
	runs: { seed: number; weightDecay: number; trajectory?: Record<string, (number | null)[]> }[];
}

export interface ShapeRun {
	/** Index in the file (stable while new sources are appended). */
	index: number;
	label: string;
	regime: string;
	betaMode: string;
	wtOf: string;
	source: string;
	seed: number;
	weightDecay: number;
	step: number[];
	rho: (number | null)[];
	wt: (number | null)[];
	betaC: (number | null)[];
	events: TrajectoryEvents;
}

export interface ShapesFile {
	sources: { file: string; command: string; date: string; backend: string; runs: number }[];
	runs: ShapeRun[];
}

const num = (v: number | null | undefined) => (typeof v === 'number' ? v : NaN);

function points(t: Record<string, (number | null)[]>): TrajectoryPoint[] {
	const col = (k: string) => t[k] ?? [];
	return col('step').map((s, i) => {
		const wt = col('wt')[i];
		return {
			step: num(s),
			rho: num(col('rho')[i]),
			spread: num(col('spread')[i]),
			betaC: num(col('betaC')[i]),
			trace: num(col('trace')[i]),
			effectiveRank: num(col('effectiveRank')[i]),
			wt: typeof wt === 'number' ? wt : undefined
		};
	});
}

/** `docs` by file name; sources whose file is missing are skipped. */
export function extractShapes(sources: ShapeSource[], docs: Record<string, RunDocument | undefined>): ShapesFile {
	const out: ShapesFile = { sources: [], runs: [] };
	for (const src of sources) {
		const doc = docs[src.file];
		if (!doc) continue;
		const withTrajectory = doc.runs.filter(
			(r) => r.trajectory && (r.trajectory.step ?? []).length > 0 && (!src.taus || src.taus.includes((r as { tau?: number }).tau ?? NaN))
		);
		out.sources.push({ file: src.file, command: doc.command, date: doc.date, backend: doc.backend, runs: withTrajectory.length });
		for (const r of withTrajectory) {
			const t = r.trajectory!;
			const tau = (r as { tau?: number }).tau;
			const label = `${src.regime}${src.showWeightDecay ? `, weight decay ${r.weightDecay}` : ''}${src.showTau && tau !== undefined ? `, τ = ${tau}` : ''}, seed ${r.seed}`;
			out.runs.push({
				index: out.runs.length,
				label,
				regime: src.regime,
				betaMode: src.betaMode,
				wtOf: src.wtOf,
				source: src.file,
				seed: r.seed,
				weightDecay: r.weightDecay,
				step: (t.step ?? []).map(num),
				rho: t.rho ?? [],
				wt: t.wt ?? [],
				betaC: t.betaC ?? [],
				events: analyseTrajectory(points(t))
			});
		}
	}
	return out;
}

/** Distinct tags in the order they first appear. */
export function shapesShown(file: ShapesFile): string[] {
	return [...new Set(file.runs.map((r) => r.events.shape))];
}

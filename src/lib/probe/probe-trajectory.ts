import { analyseTrajectory } from './analyse-trajectory';
import { createProbeState } from './create-probe-state';
import { probeSnapshot } from './probe-snapshot';
import type { BetaSpec, Matrix, ProbeOptions, SnapshotResult, TrajectoryEvents, TrajectoryPoint } from './types';

interface TrajectoryMeta {
	/** Number of snapshots T. */
	count: number;
	n: number;
	d: number;
	/** β provider for snapshot t. */
	beta(t: number): BetaSpec;
	/** Training step of snapshot t (default t). */
	step?(t: number): number;
	/** Label-based W/T at snapshot t, if known (plots and the symmetry-breaking event only). */
	wt?(t: number): number | undefined;
}

export interface TrajectoryInput extends TrajectoryMeta {
	/** Snapshot t, N×d row-major. */
	snapshot(t: number): Matrix;
}

export type TrajectoryOptions = ProbeOptions & { onProgress?: (done: number, total: number) => void };
type TrajectoryOutput = { results: SnapshotResult[]; points: TrajectoryPoint[]; events: TrajectoryEvents };

/** The state a trajectory starts from (probeTrajectory's; a run split across threads starts from the same). */
export const initialTrajectoryState = (d: number, options: ProbeOptions) => createProbeState(d, options.K ?? 8, options.seed ?? 1);

/**
 * Collects the results of snapshots 0, 1, 2, … (recorded in that order) into the trajectory points, reports
 * progress, and gives the events at the end.
 */
export function trajectoryRecorder(input: Pick<TrajectoryMeta, 'count' | 'd' | 'step' | 'wt'>, options: Pick<TrajectoryOptions, 'onProgress'>) {
	const { d, count } = input;
	const results: SnapshotResult[] = [];
	const points: TrajectoryPoint[] = [];
	return {
		record(t: number, r: SnapshotResult) {
			results.push(r);
			points.push({
				step: input.step ? input.step(t) : t,
				rho: r.rho,
				spread: r.spread,
				betaC: r.betaC,
				trace: r.trace,
				effectiveRank: r.effectiveRank,
				wt: input.wt?.(t)
			});
			options.onProgress?.(t + 1, count);
		},
		finish: (): TrajectoryOutput => ({ results, points, events: analyseTrajectory(points, { d }) })
	};
}

/**
 * A run offline, as the live worker sees it: one warm-started probe update per snapshot (docs/theory.md §4), then
 * the events. `onProgress(done, total)` is called after each snapshot.
 */
export function probeTrajectory(input: TrajectoryInput, options: TrajectoryOptions = {}): TrajectoryOutput {
	const { n, d } = input;
	let state = initialTrajectoryState(d, options);
	const rec = trajectoryRecorder(input, options);
	for (let t = 0; t < input.count; t++) {
		const out = probeSnapshot(input.snapshot(t), n, d, input.beta(t), state, options);
		state = out.state;
		rec.record(t, out.result);
	}
	return rec.finish();
}

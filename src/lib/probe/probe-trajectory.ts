import { analyseTrajectory } from './analyse-trajectory';
import { createProbeState } from './create-probe-state';
import { probeSnapshot } from './probe-snapshot';
import type { BetaSpec, Matrix, ProbeOptions, SnapshotResult, TrajectoryEvents, TrajectoryPoint } from './types';

export interface TrajectoryInput {
	/** Number of snapshots T. */
	count: number;
	n: number;
	d: number;
	/** Snapshot t, N×d row-major. */
	snapshot(t: number): Matrix;
	/** β provider for snapshot t. */
	beta(t: number): BetaSpec;
	/** Training step of snapshot t (default t). */
	step?(t: number): number;
	/** Label-based W/T at snapshot t, if known (plots and the symmetry-breaking event only). */
	wt?(t: number): number | undefined;
}

/**
 * A run offline, as the live worker sees it: one warm-started probe update per snapshot (docs/theory.md §4), then
 * the events. `onProgress(done, total)` is called after each snapshot.
 */
export function probeTrajectory(
	input: TrajectoryInput,
	options: ProbeOptions & { onProgress?: (done: number, total: number) => void } = {}
): { results: SnapshotResult[]; points: TrajectoryPoint[]; events: TrajectoryEvents } {
	const { n, d, count } = input;
	let state = createProbeState(d, options.K ?? 8, options.seed ?? 1);
	const results: SnapshotResult[] = [];
	const points: TrajectoryPoint[] = [];
	for (let t = 0; t < count; t++) {
		const out = probeSnapshot(input.snapshot(t), n, d, input.beta(t), state, options);
		state = out.state;
		const r = out.result;
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
	}
	return { results, points, events: analyseTrajectory(points, { d }) };
}

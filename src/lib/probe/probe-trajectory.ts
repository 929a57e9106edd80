import { analyseTrajectory } from './analyse-trajectory';
import { createProbeState } from './create-probe-state';
import type { PreparedSnapshot } from './prepare-snapshot';
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

/** Snapshots that arrive already centred with their spectrum (prepareSnapshot), e.g. read from a file as they come. */
export interface PreparedTrajectoryInput extends TrajectoryMeta {
	/**
	 * Snapshot t prepared with `kernel` = (β mode is kernel) and the same topK as the options; asked for in order,
	 * and its arrays may be reused once the next one is asked for.
	 */
	prepared(t: number): Promise<PreparedSnapshot>;
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

/** Warm-started updates, one snapshot after another (docs/theory.md §4), recorded as they come. */
function warmStarted(input: TrajectoryMeta, options: TrajectoryOptions) {
	const { n, d } = input;
	let state = initialTrajectoryState(d, options);
	const rec = trajectoryRecorder(input, options);
	return {
		add(t: number, Z: Matrix | null, prepared?: PreparedSnapshot) {
			const out = probeSnapshot(Z ?? prepared!.centred, n, d, input.beta(t), state, options, prepared);
			state = out.state;
			rec.record(t, out.result);
		},
		finish: rec.finish
	};
}

/**
 * A run offline, as the live worker sees it: one warm-started probe update per snapshot (docs/theory.md §4), then
 * the events. `onProgress(done, total)` is called after each snapshot.
 */
export function probeTrajectory(input: TrajectoryInput, options: TrajectoryOptions = {}): TrajectoryOutput {
	const rec = warmStarted(input, options);
	for (let t = 0; t < input.count; t++) rec.add(t, input.snapshot(t));
	return rec.finish();
}

/**
 * probeTrajectory on prepared snapshots (the state-free part — centring, spectrum — done by the caller, e.g. while
 * reading): the warm-started EM runs in order, so the output is bit-identical to probeTrajectory's.
 */
export async function probeTrajectoryPrepared(input: PreparedTrajectoryInput, options: TrajectoryOptions = {}): Promise<TrajectoryOutput> {
	const rec = warmStarted(input, options);
	for (let t = 0; t < input.count; t++) {
		rec.add(t, null, await input.prepared(t));
	}
	return rec.finish();
}

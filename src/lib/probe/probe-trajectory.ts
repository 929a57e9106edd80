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

/** Snapshots that arrive already centred with their spectrum (prepareSnapshot), e.g. from worker threads. */
export interface PreparedTrajectoryInput extends TrajectoryMeta {
	/** Snapshot t prepared with `kernel` = (β mode is kernel) and the same topK as the options; asked for in order. */
	prepared(t: number): Promise<PreparedSnapshot>;
	/** Called when snapshot t's arrays are no longer needed (their buffers can be reused). */
	release?(t: number, p: PreparedSnapshot): void;
}

type TrajectoryOptions = ProbeOptions & { onProgress?: (done: number, total: number) => void };
type TrajectoryOutput = { results: SnapshotResult[]; points: TrajectoryPoint[]; events: TrajectoryEvents };

/** The in-order part of a trajectory: warm-started updates, one snapshot after another, then the events. */
function trajectoryRecorder(input: TrajectoryMeta, options: TrajectoryOptions) {
	const { n, d, count } = input;
	let state = createProbeState(d, options.K ?? 8, options.seed ?? 1);
	const results: SnapshotResult[] = [];
	const points: TrajectoryPoint[] = [];
	return {
		add(t: number, Z: Matrix | null, prepared?: PreparedSnapshot) {
			const out = probeSnapshot(Z ?? prepared!.centred, n, d, input.beta(t), state, options, prepared);
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
		},
		finish: (): TrajectoryOutput => ({ results, points, events: analyseTrajectory(points, { d }) })
	};
}

/**
 * A run offline, as the live worker sees it: one warm-started probe update per snapshot (docs/theory.md §4), then
 * the events. `onProgress(done, total)` is called after each snapshot.
 */
export function probeTrajectory(input: TrajectoryInput, options: TrajectoryOptions = {}): TrajectoryOutput {
	const rec = trajectoryRecorder(input, options);
	for (let t = 0; t < input.count; t++) rec.add(t, input.snapshot(t));
	return rec.finish();
}

/**
 * probeTrajectory on prepared snapshots: the state-free part (centring, spectrum) may be computed ahead and in
 * parallel; the warm-started EM still runs in order, so the output is bit-identical to probeTrajectory's.
 */
export async function probeTrajectoryPrepared(input: PreparedTrajectoryInput, options: TrajectoryOptions = {}): Promise<TrajectoryOutput> {
	const rec = trajectoryRecorder(input, options);
	for (let t = 0; t < input.count; t++) {
		const p = await input.prepared(t);
		rec.add(t, null, p);
		input.release?.(t, p);
	}
	return rec.finish();
}

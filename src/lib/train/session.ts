/**
 * One training run with its probe: the trainer, the probe state carried between snapshots, the trajectory fed to
 * the event analysis, the snapshot ring buffer and checkpoints. Used by the worker (in time-bounded chunks) and by the
 * CLI (straight through); no DOM, no messaging.
 */
import { analyseTrajectory } from '../probe/index';
import type { ProbeState, TrajectoryPoint } from '../probe/types';
import type { Hyper, HyperChange, ToyConfig } from './config';
import { createTrainer } from './create-trainer';
import { checkLoss, type Health } from './health';
import type { Snapshot } from './protocol';
import { RingBuffer } from './ring-buffer';
import { deriveSeed, Stream, streamRng } from './seeded';
import { runProbe } from './snapshot';
import { SnapshotHealth } from './snapshot-health';
import { entriesAt, nextScheduleStep, type Schedule } from './schedule';
import type { Trainer, TrainerCheckpoint } from './trainer';
import type { UploadedActivations } from './upload-validate';

export interface SessionCheckpoint {
	trainer: TrainerCheckpoint;
	probeState: ProbeState | null;
	trajectory: TrajectoryPoint[];
}

/** A fixed seeded subsample of the probe points to display. */
function displayIndices(n: number, count: number, seed: number): Int32Array {
	const all = Int32Array.from({ length: n }, (_, i) => i);
	if (count >= n) return all;
	return streamRng(seed, Stream.display).shuffle(all).slice(0, count).sort();
}

export class Session {
	trainer: Trainer;
	readonly ring: RingBuffer<Snapshot>;
	private probeState: ProbeState | null = null;
	private trajectory: TrajectoryPoint[] = [];
	private display: Int32Array | null = null;
	private startedAt = Date.now();
	/** Step of the last snapshot (−1 before the first). */
	lastSnapshotStep = -1;
	/** Mean ms of the last probe update (evaluation + probe + packing). */
	msPerProbe = 0;
	private guard = new SnapshotHealth();
	/** The guard's verdict on the last snapshot (non-finite drawn values, exploding weights, a stalled run). */
	snapshotHealth: Health = { ok: true };
	/** Hyper-parameter changes at set steps (schedule.ts); a chunk never trains across one. */
	schedule: Schedule = [];
	/** The value each scheduled key had before the schedule first changed it: reset and reseed start from it again. */
	private beforeSchedule: Partial<Hyper> = {};

	constructor(
		readonly config: ToyConfig,
		public seed: number,
		ringCapacity = 400,
		/** Uploaded activations, when the config is an upload SAE (kept for reseed and backend fallback). */
		readonly data: UploadedActivations | null = null
	) {
		this.trainer = createTrainer(config, seed, data);
		this.ring = new RingBuffer(ringCapacity);
	}

	get step(): number {
		return this.trainer.step;
	}

	get hyper(): Hyper {
		return this.trainer.hyper;
	}

	/** The next step (> current) at which a snapshot is due. */
	nextSnapshotStep(): number {
		const s = this.trainer.step;
		const every = this.config.probeEvery;
		let next = (Math.floor(s / every) + 1) * every;
		for (const extra of this.trainer.extraSnapshotSteps()) if (extra > s && extra < next) next = extra;
		return next;
	}

	snapshotDue(): boolean {
		const s = this.trainer.step;
		if (s === this.lastSnapshotStep) return false;
		return s % this.config.probeEvery === 0 || this.trainer.extraSnapshotSteps().includes(s);
	}

	/**
	 * Enqueue up to `maxSteps` training steps, never past the next snapshot step nor the next schedule step. Applies
	 * the schedule entries due at the current step first. Returns the steps enqueued.
	 */
	train(maxSteps: number): number {
		this.applySchedule();
		const s = this.trainer.step;
		const n = Math.max(0, Math.min(maxSteps, this.nextSnapshotStep() - s, nextScheduleStep(this.schedule, s) - s));
		this.trainer.train(n);
		return n;
	}

	/** Apply the schedule entries of the current step (logged as hyper changes at that step). */
	private applySchedule(): void {
		const due = entriesAt(this.schedule, this.trainer.step);
		if (due.length === 0) return;
		for (const e of due) if (!(e.key in this.beforeSchedule)) this.beforeSchedule[e.key] = this.trainer.hyper[e.key];
		this.trainer.setHyper(Object.fromEntries(due.map((e) => [e.key, e.value])));
	}

	/** Read the last loss (waiting for queued work) and check it. */
	async health(): Promise<Health & { loss: number }> {
		const loss = await this.trainer.readLoss();
		if (this.trainer.step === 0) return { ok: true, loss };
		return { ...checkLoss(loss, this.trainer.step, this.config.divergeLoss), loss };
	}

	/** Evaluate, probe, pack and store a snapshot of the current step. */
	async snapshot(): Promise<Snapshot> {
		const t0 = performance.now();
		const ev = await this.trainer.evaluate();
		this.display ??= displayIndices(ev.n, this.config.displayPoints, this.seed);
		const step = this.trainer.step;
		const { summary, point, state } = runProbe(
			ev,
			this.probeState,
			this.config,
			this.display,
			step,
			deriveSeed(this.seed, Stream.probe)
		);
		this.probeState = state;
		this.trajectory.push(point);
		const snap: Snapshot = {
			toy: this.config.toy,
			step,
			elapsedMs: Date.now() - this.startedAt,
			metrics: ev.metrics,
			probe: summary,
			events: analyseTrajectory(this.trajectory, { d: ev.d }),
			hyper: { ...this.trainer.hyper },
			hyperChanges: this.trainer.changes.map((c) => ({ ...c }))
		};
		this.snapshotHealth = this.guard.observe(snap, this.config.toy === 'grokking' ? this.config.p : 0);
		this.ring.push(snap);
		this.lastSnapshotStep = step;
		this.msPerProbe = performance.now() - t0;
		return snap;
	}

	/** A change from the user: its values become what reset and reseed start from (the schedule no longer undoes them). */
	setHyper(partial: Partial<Hyper>): HyperChange[] {
		const changes = this.trainer.setHyper(partial);
		for (const key of Object.keys(partial) as (keyof Hyper)[]) delete this.beforeSchedule[key];
		return changes;
	}

	/** Same seed, same initialisation; clears the probe, trajectory and ring buffer. */
	reset(): void {
		this.undoSchedule();
		this.trainer.reset();
		this.clearHistory();
	}

	/** New seed: new data split / features, initialisation, batches and noise. Hyper-parameters in force are kept. */
	reseed(seed: number): void {
		this.undoSchedule();
		const hyper = { ...this.trainer.hyper };
		const next = createTrainer(this.config, seed, this.data);
		this.trainer.dispose();
		this.trainer = next;
		this.trainer.setHyper(hyper);
		this.trainer.changes = [];
		this.seed = seed;
		this.display = null;
		this.clearHistory();
	}

	/** Put back what the schedule changed, so the next run starts where this one started and replays it. */
	private undoSchedule(): void {
		this.trainer.setHyper(this.beforeSchedule);
		this.beforeSchedule = {};
	}

	private clearHistory(): void {
		this.probeState = null;
		this.trajectory = [];
		this.guard.reset();
		this.snapshotHealth = { ok: true };
		this.ring.clear();
		this.lastSnapshotStep = -1;
		this.startedAt = Date.now();
	}

	/** Plain-data copy of everything needed to continue this run (on any backend). */
	async checkpoint(): Promise<SessionCheckpoint> {
		return {
			trainer: await this.trainer.exportState(),
			probeState: this.probeState ? structuredClone(this.probeState) : null,
			trajectory: this.trajectory.map((p) => ({ ...p }))
		};
	}

	/**
	 * Rebuild the trainer (on the now-active backend) from a checkpoint. The old trainer must already be disposed or
	 * unusable (lost device). Snapshots newer than the checkpoint are dropped from the ring buffer.
	 */
	restore(cp: SessionCheckpoint): void {
		this.trainer = createTrainer(this.config, this.seed, this.data);
		this.trainer.importState(cp.trainer);
		this.probeState = cp.probeState ? structuredClone(cp.probeState) : null;
		this.trajectory = cp.trajectory.map((p) => ({ ...p }));
		this.ring.dropWhile((s) => s.step > cp.trainer.step);
		this.lastSnapshotStep = this.ring.last()?.step ?? -1;
	}

	/** The trajectory so far (steps, ρ, spread…), e.g. for a CLI summary. */
	get points(): readonly TrajectoryPoint[] {
		return this.trajectory;
	}

	dispose(): void {
		this.trainer.dispose();
	}
}

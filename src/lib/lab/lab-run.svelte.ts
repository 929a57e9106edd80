/**
 * The lab's rune store on top of the training client: it posts typed messages and keeps what the worker reports
 * (its own ring buffer of snapshots, the latest status, the pause and its reason, the backend). It never trains and
 * never reads a tensor: data flows worker → snapshot → this store → charts.
 */
import { createTrainClient, type TrainClient } from '$lib/train/worker/client';
import type {
	BackendName,
	BackendTrial,
	FromWorker,
	Hyper,
	InitMessage,
	PauseReason,
	PresetInfo,
	Snapshot,
	UploadMessage
} from '$lib/train/protocol';
import type { ScheduleEntry } from '$lib/train/schedule';
import { appendSnapshot } from './snapshot-buffer';

type StatusMessage = Extract<FromWorker, { type: 'status' }>;

export interface BackendInfo {
	name: BackendName;
	reason: string;
	trials: BackendTrial[];
	fallbackFrom?: BackendName;
}

export interface PauseInfo {
	reason: PauseReason;
	message: string;
	step: number;
}

export interface LabInit extends Omit<InitMessage, 'type' | 'autoplay'> {
	/** Hyper-parameters to start from (e.g. from the URL) when they differ from the preset's. */
	hyper?: Hyper;
	/** Start training once ready. */
	play?: boolean;
}

/** Slider drags produce many values; only the last within this window is posted (and logged by the worker). */
const HYPER_DEBOUNCE_MS = 150;

export class LabRun {
	snapshots: Snapshot[] = $state.raw([]);
	status: StatusMessage | null = $state.raw(null);
	paused: PauseInfo | null = $state.raw(null);
	backend: BackendInfo | null = $state.raw(null);
	preset: PresetInfo | null = $state.raw(null);
	ringCapacity = $state(0);
	/** Between init and the worker's `ready` (backend warm-up). */
	starting = $state(false);
	error: string | null = $state(null);
	/** Index into `snapshots` shown while scrubbing; null follows the newest. */
	scrub: number | null = $state(null);
	/** "Your activations": files sent to the worker, not yet accepted or refused. */
	uploading = $state(false);
	/** Why the last upload was refused (the previous run carries on), or null. */
	uploadError: string | null = $state(null);

	#client: TrainClient | null = null;
	#off: (() => void) | null = null;
	#pending: InitMessage | null = null;
	#afterReady: { hyper?: Hyper; play: boolean } | null = null;
	#hyperPatch: Partial<Hyper> = {};
	#hyperTimer: ReturnType<typeof setTimeout> | undefined;
	#hidden = false;

	constructor(private readonly makeClient: () => TrainClient = createTrainClient) {}

	get latest(): Snapshot | null {
		return this.snapshots.at(-1) ?? null;
	}
	/** The snapshot the scatter shows: the scrubbed one, or the newest. */
	get shown(): Snapshot | null {
		return (this.scrub !== null ? this.snapshots[this.scrub] : null) ?? this.latest;
	}
	get running(): boolean {
		return this.status?.running ?? false;
	}
	/** The newest step the worker reported (statuses are throttled, so a snapshot can be newer). */
	get step(): number {
		return Math.max(this.status?.step ?? 0, this.latest?.step ?? 0);
	}

	/** (Re)start the worker's run: a new toy, preset or seed from scratch. */
	init(options: LabInit): void {
		const { hyper, play = false, ...rest } = options;
		this.#client ??= this.#connect();
		this.#clearRun();
		this.preset = null;
		this.backend = null;
		this.error = null;
		this.starting = true;
		this.#afterReady = { hyper, play };
		// Plain copies: a schedule read from rune state is a proxy, which postMessage cannot clone.
		this.#pending = { type: 'init', ...rest, ...(rest.schedule ? { schedule: plainSchedule(rest.schedule) } : {}) };
		this.#client.post(this.#pending);
	}

	play(): void {
		if (this.#afterReady) this.#afterReady.play = true;
		this.paused = null;
		this.scrub = null;
		this.#post({ type: 'play' });
	}
	pause(): void {
		if (this.#afterReady) this.#afterReady.play = false;
		this.#post({ type: 'pause' });
	}
	stepBy(n: number): void {
		this.scrub = null;
		this.#post({ type: 'step', n });
	}
	/** Same seed from step 0; optionally with new starting hyper-parameters; optionally playing on. */
	reset(options: { hyper?: Hyper; play?: boolean } = {}): void {
		this.#flushHyper();
		if (options.hyper) this.#post({ type: 'setHyper', hyper: options.hyper });
		this.#post({ type: 'reset' });
		if (options.play) this.play();
	}
	reseed(seed: number, play = this.running): void {
		this.#post({ type: 'reseed', seed });
		if (play) this.play();
	}
	setHyper(patch: Partial<Hyper>): void {
		Object.assign(this.#hyperPatch, patch);
		clearTimeout(this.#hyperTimer);
		this.#hyperTimer = setTimeout(() => this.#flushHyper(), HYPER_DEBOUNCE_MS);
	}
	/**
	 * Train the SAE on uploaded activations. The files go to the worker as they are (it reads and checks them); a
	 * refusal leaves the current run untouched and sets `uploadError`.
	 */
	upload(files: Omit<UploadMessage, 'type'>): void {
		if (!this.#client || this.starting) {
			this.uploadError = 'The lab is still starting; try again in a moment.';
			return;
		}
		this.uploadError = null;
		this.uploading = true;
		this.#client.post({ type: 'upload', ...files });
	}

	/** Replace the run's schedule (the page then resets, so it replays from step 0). */
	setSchedule(schedule: ScheduleEntry[]): void {
		this.#post({ type: 'setSchedule', schedule: plainSchedule(schedule) });
	}
	/** A hidden tab pauses training; visible again resumes it (unless the user paused). Remembered across a warm-up. */
	setVisibility(hidden: boolean): void {
		this.#hidden = hidden;
		this.#post({ type: 'setVisibility', hidden });
	}

	dispose(): void {
		clearTimeout(this.#hyperTimer);
		this.#off?.();
		this.#client?.terminate();
		this.#client = null;
	}

	#connect(): TrainClient {
		const client = this.makeClient();
		this.#off = client.onMessage((m) => this.#receive(m));
		return client;
	}

	#post(msg: Parameters<TrainClient['post']>[0]): void {
		if (!this.#client || this.starting) return;
		this.#client.post(msg);
	}

	#flushHyper(): void {
		clearTimeout(this.#hyperTimer);
		// During the warm-up the patch waits for `ready`.
		if (this.starting || Object.keys(this.#hyperPatch).length === 0) return;
		this.#post({ type: 'setHyper', hyper: this.#hyperPatch });
		this.#hyperPatch = {};
	}

	#clearRun(): void {
		this.snapshots = [];
		this.status = null;
		this.paused = null;
		this.scrub = null;
	}

	#receive(msg: FromWorker): void {
		switch (msg.type) {
			case 'ready': {
				this.starting = false;
				this.uploading = false;
				this.uploadError = null;
				this.preset = msg.preset;
				this.ringCapacity = msg.ringCapacity;
				this.backend = { name: msg.backend, reason: msg.backendReason, trials: msg.trials };
				const after = this.#afterReady;
				this.#afterReady = null;
				// Start from the requested values, and from any slider moved during the warm-up: a reset makes them the
				// run's starting values instead of a logged change at step 0.
				const start = { ...(after?.hyper ?? msg.config.hyper), ...this.#hyperPatch };
				this.#hyperPatch = {};
				if (!sameHyper(start, msg.config.hyper)) this.reset({ hyper: start });
				if (this.#hidden) this.#post({ type: 'setVisibility', hidden: true });
				if (after?.play) this.play();
				break;
			}
			case 'run':
				this.#clearRun();
				break;
			case 'snapshot':
				this.snapshots = appendSnapshot(this.snapshots, msg.snapshot, this.ringCapacity || Infinity);
				break;
			case 'history':
				this.snapshots = msg.snapshots;
				break;
			case 'status':
				this.status = msg;
				if (msg.running) this.paused = null;
				break;
			case 'paused':
				this.paused = { reason: msg.reason, message: msg.message, step: msg.step };
				break;
			case 'backend':
				this.backend = { name: msg.name, reason: msg.reason, trials: this.backend?.trials ?? [], fallbackFrom: msg.fallbackFrom };
				break;
			case 'error':
				this.starting = false;
				this.uploading = false;
				this.error = msg.message;
				break;
			case 'uploadRejected':
				this.uploading = false;
				this.uploadError = msg.message;
				break;
		}
	}
}

function plainSchedule(schedule: readonly ScheduleEntry[]): ScheduleEntry[] {
	return schedule.map(({ step, key, value }) => ({ step, key, value }));
}

function sameHyper(a: Hyper, b: Hyper): boolean {
	return a.lr === b.lr && a.weightDecay === b.weightDecay && a.noise === b.noise;
}

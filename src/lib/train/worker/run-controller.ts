/**
 * The worker's brain, free of `self`/DOM so it can be tested in Node: handles UI messages, trains in time-bounded
 * chunks (yielding between them so messages get through), probes on schedule, guards against NaN/divergence,
 * pauses when the tab is hidden, checkpoints at every snapshot and falls back to another backend when one fails.
 * All work — messages and chunks — runs through one serial queue, so nothing interleaves.
 */
import { withLiveProbe } from './live-probe';
import { ProbeInputError } from '../../probe';
import * as tf from '@tensorflow/tfjs';
import { fallbackOrder, type LadderChoice } from './backend-ladder';
import type { BackendName, ToyConfig } from '../config';
import { defaultPresetName, getPreset, MID_PRESET } from '../presets';
import {
	snapshotTransferables,
	type FromWorker,
	type InitMessage,
	type PauseReason,
	type PresetInfo,
	type Snapshot,
	type ToWorker,
	type UploadMessage
} from '../protocol';
import { Session, type SessionCheckpoint } from '../session';
import { prepareUpload } from './upload-run';
import { UploadError } from '../upload-validate';
import { dataRootOf, prepareSsl } from './prepare-ssl';
import { validateSchedule } from '../schedule';

export type Post = (msg: FromWorker, transfer?: ArrayBuffer[]) => void;

export interface BackendProvider {
	/** Set up and measure the backends; activates and returns the choice (warm-up on `config`). */
	choose(config: ToyConfig, init: InitMessage): Promise<LadderChoice>;
	/** Activate a backend for a fallback; throws if it cannot. */
	activate(name: BackendName): Promise<void>;
	/** Call `onLost` if the active backend's device is lost (WebGPU); may do nothing. */
	watch(name: BackendName, onLost: (why: string) => void): void;
}

export interface RunControllerOptions {
	/** Target wall time of one training chunk (default 30 ms). */
	chunkMs?: number;
	/** Minimum interval between status messages (default 250 ms). */
	statusEveryMs?: number;
	ringCapacity?: number;
	/** Schedule the next chunk after pending messages (MessageChannel in the worker, setTimeout in tests). */
	schedule?: (fn: () => void) => void;
}

/** A deep copy whose typed arrays can be transferred without detaching the ring buffer's originals. */
function postSnapshot(post: Post, snap: Snapshot): void {
	const copy = structuredClone(snap);
	post({ type: 'snapshot', snapshot: copy }, snapshotTransferables(copy));
}

function message(e: unknown): string {
	return e instanceof Error ? e.message : String(e);
}

export class RunController {
	private session: Session | null = null;
	private choice: LadderChoice | null = null;
	private backend: BackendName | null = null;
	private failed: BackendName[] = [];
	private checkpoint: SessionCheckpoint | null = null;
	private running = false;
	private hiddenPaused = false;
	private hidden = false;
	/** `step { n }` target; null while playing freely. */
	private stopAt: number | null = null;
	private finishedNotified = false;
	private msPerStep = 0;
	private lastStatusAt = 0;
	private rateWindow = { at: 0, step: 0, rate: 0 };
	private queue: Promise<void> = Promise.resolve();
	private tickScheduled = false;
	private disposed = false;
	/** Rejects when the active backend's device is lost, so a read that will never resolve does not hang the queue. */
	private lost: Promise<never> = new Promise<never>(() => {});
	private rejectLost: ((e: Error) => void) | null = null;
	private readonly chunkMs: number;
	private readonly statusEveryMs: number;
	private readonly ringCapacity: number;
	private readonly schedule: (fn: () => void) => void;

	constructor(
		private readonly post: Post,
		private readonly backends: BackendProvider,
		options: RunControllerOptions = {}
	) {
		this.chunkMs = options.chunkMs ?? 30;
		this.statusEveryMs = options.statusEveryMs ?? 250;
		this.ringCapacity = options.ringCapacity ?? 400;
		this.schedule = options.schedule ?? ((fn) => setTimeout(fn, 0));
	}

	/** Enqueue a UI message; resolves when it has been handled. */
	handle(msg: ToWorker): Promise<void> {
		return this.enqueue(() => this.process(msg));
	}

	/** Resolves when everything queued so far has run (tests). */
	idle(): Promise<void> {
		return this.queue;
	}

	get isRunning(): boolean {
		return this.running;
	}

	private enqueue(task: () => Promise<void>): Promise<void> {
		const next = this.queue.then(task).catch((e) => this.post({ type: 'error', message: message(e) }));
		this.queue = next;
		return next;
	}

	private async process(msg: ToWorker): Promise<void> {
		if (this.disposed) return;
		if (msg.type === 'init') return this.init(msg);
		if (msg.type === 'dispose') return this.dispose();
		if (msg.type === 'upload') return this.upload(msg);
		const session = this.session;
		// A page opened in a background tab may say so before init: remember it (the run starts paused).
		if (msg.type === 'setVisibility' && !session) {
			this.hidden = msg.hidden;
			return;
		}
		if (!session) {
			this.post({ type: 'error', message: `"${msg.type}" before "init": send init first` });
			return;
		}
		switch (msg.type) {
			case 'play':
				this.stopAt = null;
				this.hiddenPaused = false;
				this.start();
				break;
			case 'pause':
				this.pause('user', `Paused at step ${session.step}.`);
				break;
			case 'step':
				if (this.running) return;
				if (!Number.isInteger(msg.n) || msg.n < 1) throw new Error(`step: n must be a positive integer, got ${msg.n}`);
				this.stopAt = session.step + msg.n;
				this.start();
				break;
			case 'reset':
				this.stopRunning();
				session.reset();
				await this.startRun('reset');
				break;
			case 'reseed':
				if (!Number.isInteger(msg.seed) || msg.seed < 0) throw new Error(`reseed: seed must be a non-negative integer, got ${msg.seed}`);
				this.stopRunning();
				session.reseed(msg.seed);
				await this.startRun('reseed');
				break;
			case 'setHyper':
				session.setHyper(msg.hyper);
				this.postStatus(true);
				break;
			case 'setSchedule':
				session.schedule = validateSchedule(msg.schedule);
				break;
			case 'setVisibility':
				this.hidden = msg.hidden;
				if (msg.hidden && this.running) {
					this.pause('hidden', 'Paused while the tab is hidden; it resumes when you come back.');
					this.hiddenPaused = true;
				} else if (!msg.hidden && this.hiddenPaused) {
					this.hiddenPaused = false;
					this.start();
				}
				break;
			case 'history': {
				const snaps = structuredClone(session.ring.toArray());
				this.post({ type: 'history', snapshots: snaps }, snaps.flatMap(snapshotTransferables));
				break;
			}
		}
	}

	private async init(msg: InitMessage): Promise<void> {
		this.stopRunning();
		this.session?.dispose();
		this.session = null;
		if (msg.toy !== 'grokking' && msg.toy !== 'sae' && msg.toy !== 'ssl') throw new Error(`init: toy must be "grokking", "sae" or "ssl", got "${String(msg.toy)}"`);
		if (!Number.isInteger(msg.seed) || msg.seed < 0) throw new Error(`init: seed must be a non-negative integer, got ${msg.seed}`);
		if (msg.preset) getPreset(msg.preset, msg.toy); // one clear error for a bad name, before the warm-up
		const schedule = validateSchedule(msg.schedule ?? []);
		this.choice = await this.backends.choose(getPreset(MID_PRESET[msg.toy]).config, msg);
		this.backend = this.choice.backend;
		this.failed = [];
		this.watchBackend();
		const preset = getPreset(msg.preset ?? defaultPresetName(msg.toy, this.choice.msPerStep), msg.toy);
		await prepareSsl(preset.config, msg.ssl, dataRootOf(msg.wasmPath, msg.dataPath));
		const info: PresetInfo = { name: preset.name, label: preset.label, config: preset.config };
		this.session = new Session(withLiveProbe(preset.config), msg.seed, this.ringCapacity);
		this.session.schedule = schedule;
		this.post({
			type: 'ready',
			backend: this.choice.backend,
			backendReason: this.choice.reason,
			trials: this.choice.trials,
			preset: info,
			config: preset.config,
			seed: msg.seed,
			ringCapacity: this.ringCapacity
		});
		await this.startRun('init');
		if (msg.autoplay) this.start();
	}

	/**
	 * Train the SAE on uploaded activations, on the backend already chosen. The files are checked first (upload-run.ts);
	 * a refusal posts `uploadRejected` and leaves the current run exactly as it was.
	 */
	private async upload(msg: UploadMessage): Promise<void> {
		const reject = (kind: string, text: string) => this.post({ type: 'uploadRejected', kind, message: text });
		if (!this.choice || !this.backend) return reject('not-ready', 'The lab is still measuring backends; try again in a moment.');
		let session: Session;
		let prepared;
		try {
			if (!Number.isInteger(msg.seed) || msg.seed < 0) throw new UploadError('not-npy', `seed must be a non-negative integer, got ${msg.seed}`);
			prepared = await prepareUpload(msg);
			session = new Session(prepared.config, msg.seed, this.ringCapacity, prepared.data);
		} catch (e) {
			return reject(e instanceof UploadError ? e.kind : 'failed', message(e));
		}
		this.stopRunning();
		this.session?.dispose();
		this.session = session;
		this.post({
			type: 'ready',
			backend: this.backend,
			backendReason: this.choice.reason,
			trials: this.choice.trials,
			preset: prepared.info,
			config: prepared.config,
			seed: msg.seed,
			ringCapacity: this.ringCapacity
		});
		await this.startRun('init');
		if (msg.autoplay !== false) this.start();
	}

	/** Post `run`, take and post the step-0 snapshot, checkpoint it. */
	private async startRun(cause: 'init' | 'reset' | 'reseed'): Promise<void> {
		const session = this.session!;
		this.finishedNotified = false;
		this.msPerStep = 0;
		this.post({ type: 'run', seed: session.seed, cause });
		await this.takeSnapshot();
		this.postStatus(true);
	}

	private async takeSnapshot(): Promise<void> {
		const session = this.session!;
		const snap = await session.snapshot();
		// A snapshot with non-finite drawn values is never posted (no chart may receive a NaN coordinate).
		const health = session.snapshotHealth;
		if (health.ok || health.reason !== 'nan') postSnapshot(this.post, snap);
		if (health.ok) this.checkpoint = await session.checkpoint();
	}

	private start(): void {
		if (this.hidden) {
			this.hiddenPaused = true;
			this.post({ type: 'paused', reason: 'hidden', message: 'The tab is hidden; training starts when you come back.', step: this.session!.step });
			return;
		}
		if (this.running) return;
		this.running = true;
		this.rateWindow = { at: performance.now(), step: this.session!.step, rate: this.rateWindow.rate };
		this.postStatus(true);
		this.scheduleTick();
	}

	private stopRunning(): void {
		this.running = false;
		this.stopAt = null;
	}

	private pause(reason: PauseReason, text: string): void {
		const wasRunning = this.running;
		this.stopRunning();
		if (reason !== 'hidden') this.hiddenPaused = false;
		this.post({ type: 'paused', reason, message: text, step: this.session?.step ?? 0 });
		if (wasRunning || reason !== 'user') this.postStatus(true);
	}

	private scheduleTick(): void {
		if (this.tickScheduled) return;
		this.tickScheduled = true;
		this.schedule(() => {
			this.tickScheduled = false;
			void this.enqueue(() => this.tick());
		});
	}

	/** One chunk: train up to ~chunkMs (never past the next snapshot or the step target), check, snapshot if due. */
	private async tick(): Promise<void> {
		const session = this.session;
		if (!this.running || !session || this.disposed) return;
		const limit = this.stopAt !== null ? this.stopAt - session.step : Infinity;
		const want = this.msPerStep > 0 ? Math.round(this.chunkMs / this.msPerStep) : 1;
		const n = Math.max(1, Math.min(want, 500, limit));
		const t0 = performance.now();
		let health;
		let done = 0;
		try {
			done = session.train(n);
			health = await Promise.race([session.health(), this.lost]);
		} catch (e) {
			await this.fallback(message(e));
			if (this.running) this.scheduleTick();
			return;
		}
		const dt = performance.now() - t0;
		if (done > 0) {
			const perStep = dt / done;
			this.msPerStep = this.msPerStep > 0 ? 0.8 * this.msPerStep + 0.2 * perStep : perStep;
		}

		if (!health.ok) {
			if (session.snapshotDue()) await this.safeSnapshot();
			this.pause(health.reason, health.message);
			return;
		}
		if (session.snapshotDue()) {
			if (!(await this.safeSnapshot())) {
				if (this.running) this.scheduleTick();
				return;
			}
		}
		if (this.stopAt !== null && session.step >= this.stopAt) {
			if (session.lastSnapshotStep !== session.step && !(await this.safeSnapshot())) return;
			this.stopAt = null;
			this.pause('user', `Stepped to ${session.step}.`);
			return;
		}
		if (!this.finishedNotified && session.step >= session.config.steps) {
			this.finishedNotified = true;
			if (session.lastSnapshotStep !== session.step && !(await this.safeSnapshot())) return;
			this.pause('finished', `Reached the preset's ${session.config.steps} steps; press play to train on.`);
			return;
		}
		this.postStatus(false);
		this.scheduleTick();
	}

	/**
	 * Snapshot; on a backend failure fall back and report false. A probe input error is the model's state, not the
	 * backend's (NaN states, or a dead ReLU layer whose hidden covariance is 0): it pauses instead, since every other
	 * backend would meet the same states.
	 */
	private async safeSnapshot(): Promise<boolean> {
		try {
			await Promise.race([this.takeSnapshot(), this.lost]);
			const health = this.session!.snapshotHealth;
			if (!health.ok) {
				this.pause(health.reason, health.message);
				return false;
			}
			return true;
		} catch (e) {
			const text = message(e);
			if (e instanceof ProbeInputError && (e.kind === 'non-finite' || e.kind === 'overflow')) {
				this.pause('nan', `The hidden states became non-finite at step ${this.session!.step}: ${text}. Reset to start again.`);
				return false;
			}
			if (e instanceof ProbeInputError) {
				this.pause(
					'diverged',
					`The probe cannot read the hidden states at step ${this.session!.step} (${text}); the training has likely collapsed, e.g. every ReLU unit died. Lower the learning rate and reset to start again.`
				);
				return false;
			}
			await this.fallback(text);
			return false;
		}
	}

	private watchBackend(): void {
		const name = this.backend!;
		this.lost = new Promise<never>((_, reject) => {
			this.rejectLost = reject;
		});
		this.lost.catch(() => {});
		this.backends.watch(name, (why) => {
			if (this.backend !== name) return;
			const text = `${name} device lost: ${why}`;
			// A running chunk awaiting a read sees the rejection and falls back itself; an idle run falls back now.
			this.rejectLost?.(new Error(text));
			if (!this.running) void this.enqueue(() => (this.backend === name ? this.fallback(text) : Promise.resolve()));
		});
	}

	/** Rebuild the run on the next backend from the last checkpoint. */
	private async fallback(reason: string): Promise<void> {
		const session = this.session;
		const from = this.backend;
		if (!session || !from || !this.checkpoint || !this.choice) throw new Error(reason);
		this.failed.push(from);
		try {
			session.trainer.dispose();
		} catch {
			// The lost backend may refuse to free its tensors; they die with it.
		}
		for (const name of fallbackOrder(this.failed, this.choice.trials)) {
			try {
				await this.backends.activate(name);
				session.restore(this.checkpoint);
				this.backend = name;
				this.msPerStep = 0;
				this.watchBackend();
				this.post({
					type: 'backend',
					name,
					fallbackFrom: from,
					reason: `${from} failed (${reason}); continuing on ${name} from step ${this.checkpoint.trainer.step}`
				});
				return;
			} catch (e) {
				this.failed.push(name);
				reason = `${reason}; ${name}: ${message(e)}`;
			}
		}
		this.pause('backend-lost', `No backend could continue the run: ${reason}`);
	}

	private postStatus(force: boolean): void {
		const session = this.session;
		if (!session) return;
		const now = performance.now();
		if (!force && now - this.lastStatusAt < this.statusEveryMs) return;
		const w = this.rateWindow;
		if (now - w.at > 0 && session.step > w.step) {
			w.rate = ((session.step - w.step) * 1000) / (now - w.at);
			w.at = now;
			w.step = session.step;
		}
		this.lastStatusAt = now;
		this.post({
			type: 'status',
			running: this.running,
			step: session.step,
			stepsPerSecond: this.running ? w.rate : 0,
			msPerStep: this.msPerStep,
			msPerProbe: session.msPerProbe,
			tensors: tf.memory().numTensors
		});
	}

	private async dispose(): Promise<void> {
		this.stopRunning();
		this.session?.dispose();
		this.session = null;
		this.disposed = true;
	}
}

/**
 * What both toys share: the step counter, the hyper-parameters in force and their change log, AdamW over the
 * model's variables, the last training loss, checkpoints, reset. Runs on whatever tfjs backend is active
 * (Node or worker; no DOM).
 */
import * as tf from '@tensorflow/tfjs';
import type { BetaSpec } from '../probe/types';
import { AdamW, type AdamWState } from './adamw';
import type { Hyper, HyperChange, HyperKey, ToyConfig } from './config';
import type { ToyMetrics } from './protocol';

/** One evaluation of the model on its fixed probe set, as plain data. */
export interface Evaluation {
	metrics: ToyMetrics;
	/** Probe points, n×d row-major (grokking: hidden layer over all p² inputs; SAE: the evaluation inputs x). */
	Z: Float32Array;
	n: number;
	d: number;
	betaSpec: BetaSpec;
	/** Label per probe point (class, or dominant true feature). */
	labels: Int16Array;
	/** Grokking: 1 where the point is in the training split. */
	isTrain: Uint8Array | null;
	/** Label-based W/T (logits for grokking, codes for the SAE). */
	wt: number | null;
}

/** Everything needed to continue a run elsewhere (e.g. on another backend), as plain data. */
export interface TrainerCheckpoint {
	step: number;
	hyper: Hyper;
	changes: HyperChange[];
	params: Float32Array[];
	optimizer: AdamWState;
	extra: unknown;
}

/**
 * What a toy remembers beside its weights: the lottery's record of the early step (EarlyPurity for the SAEs,
 * GrokkingReadoutTracker for grokking). A snapshot is forced at `earlyStep`, checkpoints carry the record
 * (`extra`), reset clears it.
 */
export interface EarlyMemory {
	readonly earlyStep: number;
	export(): unknown;
	import(saved: unknown): void;
	reset(): void;
}

const HYPER_KEYS: HyperKey[] = ['lr', 'weightDecay', 'noise'];

export function validateHyper(h: Partial<Hyper>): void {
	for (const key of HYPER_KEYS) {
		const v = h[key];
		if (v === undefined) continue;
		if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
			throw new Error(`${key} must be a finite number ≥ 0, got ${String(v)}`);
		}
	}
	if (h.lr !== undefined && h.lr === 0) throw new Error('lr must be > 0');
}

export abstract class Trainer<C extends ToyConfig = ToyConfig> {
	/** Training steps taken so far. */
	step = 0;
	hyper: Hyper;
	changes: HyperChange[] = [];
	protected optimizer!: AdamW;
	private lastLoss: tf.Scalar | null = null;

	constructor(
		readonly config: C,
		readonly seed: number
	) {
		validateHyper(config.hyper);
		this.hyper = { ...config.hyper };
	}

	/** Trainable variables, in a fixed order. */
	abstract get variables(): tf.Variable[];
	/** Training loss at the given step (called under variableGrads). */
	protected abstract trainingLoss(step: number): tf.Scalar;
	/** Assign the seeded initial parameter values. */
	protected abstract initialiseParams(): void;
	/** Evaluate on the fixed probe set (async reads only). */
	abstract evaluate(): Promise<Evaluation>;
	/** The toy's early-step record, if it keeps one (set in the subclass constructor). */
	protected memory: EarlyMemory | null = null;
	/** Steps other than multiples of probeEvery at which a snapshot must be taken (the lottery's early step). */
	extraSnapshotSteps(): number[] {
		return this.memory ? [this.memory.earlyStep] : [];
	}
	/** Hook after each optimizer update (SAE: renormalise the decoder). */
	protected afterUpdate(): void {}

	/** Call at the end of a subclass constructor, once its variables exist. */
	protected start(): void {
		this.initialiseParams();
		this.optimizer = new AdamW(this.variables, this.config);
	}

	/** Enqueue n training steps. On GPU backends this returns before the work is done; readLoss() waits for it. */
	train(n: number): void {
		const vars = this.variables;
		for (let k = 0; k < n; k++) {
			const step = this.step;
			const loss = tf.tidy(() => {
				const { value, grads } = tf.variableGrads(() => this.trainingLoss(step), vars);
				this.optimizer.apply(
					vars.map((v) => grads[v.name]),
					this.hyper,
					this.seed,
					step
				);
				return value;
			});
			this.afterUpdate();
			this.lastLoss?.dispose();
			this.lastLoss = loss;
			this.step++;
		}
	}

	/** Training loss of the last step (NaN before the first); waits for the queued work. */
	async readLoss(): Promise<number> {
		if (!this.lastLoss) return NaN;
		return (await this.lastLoss.data())[0];
	}

	/** Change hyper-parameters; returns the recorded changes (only keys whose value actually changed). */
	setHyper(partial: Partial<Hyper>): HyperChange[] {
		validateHyper(partial);
		const recorded: HyperChange[] = [];
		for (const key of HYPER_KEYS) {
			const value = partial[key];
			if (value === undefined || value === this.hyper[key]) continue;
			this.hyper[key] = value;
			const change = { step: this.step, key, value };
			this.changes.push(change);
			recorded.push(change);
		}
		return recorded;
	}

	/**
	 * Back to step 0 with the same seed: same initial weights, data and noise. The hyper-parameters in force are
	 * kept as the new run's starting values (the change log is cleared), so a reset reproduces the same curve.
	 */
	reset(): void {
		this.initialiseParams();
		this.optimizer.dispose();
		this.optimizer = new AdamW(this.variables, this.config);
		this.lastLoss?.dispose();
		this.lastLoss = null;
		this.step = 0;
		this.changes = [];
		this.memory?.reset();
	}

	async exportState(): Promise<TrainerCheckpoint> {
		const params = await Promise.all(this.variables.map((v) => v.data() as Promise<Float32Array>));
		return {
			step: this.step,
			hyper: { ...this.hyper },
			changes: this.changes.map((c) => ({ ...c })),
			params: params.map((a) => a.slice()),
			optimizer: await this.optimizer.exportState(),
			extra: this.memory ? this.memory.export() : null
		};
	}

	importState(s: TrainerCheckpoint): void {
		tf.tidy(() => this.variables.forEach((v, i) => v.assign(tf.tensor(s.params[i], v.shape))));
		this.optimizer.importState(s.optimizer);
		this.step = s.step;
		this.hyper = { ...s.hyper };
		this.changes = s.changes.map((c) => ({ ...c }));
		this.lastLoss?.dispose();
		this.lastLoss = null;
		this.memory?.import(s.extra);
	}

	/** Sum of squared parameters (what weight decay pulls down). */
	async weightNorm(): Promise<number> {
		const s = tf.tidy(() => tf.addN(this.variables.map((v) => tf.sum(tf.square(v)))));
		const out = (await s.data())[0];
		s.dispose();
		return out;
	}

	dispose(): void {
		this.lastLoss?.dispose();
		this.lastLoss = null;
		this.optimizer?.dispose();
		tf.dispose(this.variables);
	}
}

/**
 * Typed messages between the UI thread and the training worker (src/lib/train/worker/worker.ts).
 *
 * Rules the worker keeps:
 * - The UI thread never trains or reads tensors; everything arrives here as plain data and typed arrays.
 * - Every snapshot is posted as it is made (its typed arrays transferred); the UI keeps its own ring buffer for
 *   scrubbing. The worker keeps one too (`ringCapacity` snapshots) and resends it on `{ type: 'history' }`,
 *   e.g. after the UI was re-mounted.
 * - `run` is posted after init, reset and reseed: the UI should clear its buffer and the chart marks when it receives it.
 * - Backend fallback (a failed op or a lost device): the worker rebuilds the model on the next backend from the
 *   checkpoint it takes at every snapshot (weights + optimizer moments, read asynchronously) and carries on; the steps
 *   since that snapshot are retrained (batches and noise are seeded per step, so they are the same draws). It posts
 *   `backend { name, fallbackFrom, reason }`; snapshots already posted stay valid. Only if every backend fails does it
 *   post `paused { reason: 'backend-lost' }`.
 * - Reset and reseed keep the hyper-parameters in force as the new run's starting values (the change log restarts).
 * - `step { n }` only acts while paused (a running loop ignores it); `play` after `paused { reason: 'finished' }`
 *   trains on past the preset's suggested length.
 * - `setVisibility { hidden: true }` pauses with reason 'hidden'; `hidden: false` resumes only if that pause was the
 *   hidden one (a user pause stays paused).
 */

import type { ShapeTag, TrajectoryEvents, BetaMode } from '../probe/types';
import type { BackendName, Hyper, HyperChange, ToyConfig, ToyName } from './config';
import type { ScheduleEntry } from './schedule';
import type { GrokkingReadouts } from './grokking-readouts';

export type { BackendName, Hyper, HyperChange, HyperKey, ToyConfig, ToyName } from './config';

// ───────────────────────────── UI → worker ─────────────────────────────

export interface InitMessage {
	type: 'init';
	toy: ToyName;
	/** Preset name (see presets.ts); omitted → the default preset of the toy for the chosen backend. */
	preset?: string;
	seed: number;
	/** URL of the folder holding tfjs-backend-wasm's .wasm files, ending in '/', e.g. `${base}/wasm/`. */
	wasmPath: string;
	/** Try this backend first (still measured; falls back if it fails). */
	preferBackend?: BackendName;
	/** Start training right after `ready` (default false). */
	autoplay?: boolean;
	/** SSL toy: NT-Xent temperature τ for this run (the preset's otherwise). */
	ssl?: { tau?: number };
	/** Site root ending in '/', for data files (SSL digits); default: wasmPath without its 'wasm/'. */
	dataPath?: string;
	/** Hyper-parameter changes at set steps (schedule.ts); replayed by reset and reseed. */
	schedule?: ScheduleEntry[];
}

export type ToWorker =
	| InitMessage
	| { type: 'play' }
	| { type: 'pause' }
	/** Train exactly n steps (probing on the usual schedule, plus once at the end), then stay paused. */
	| { type: 'step'; n: number }
	/** Same seed, same initialisation, same data: reproduces the same curve on the same backend. */
	| { type: 'reset' }
	/** New seed (data split, initialisation, batches, noise), then as reset. */
	| { type: 'reseed'; seed: number }
	/** Change hyper-parameters on the running model; each change is recorded with its step. */
	| { type: 'setHyper'; hyper: Partial<Hyper> }
	| { type: 'setVisibility'; hidden: boolean }
	/** Replace the run's schedule (entries at steps already passed do not fire until a reset replays them). */
	| { type: 'setSchedule'; schedule: ScheduleEntry[] }
	/** Ask the worker to resend its snapshot ring buffer (answered with `history`). */
	| { type: 'history' }
	/** Free every tensor and stop; the worker can then be terminated. */
	| { type: 'dispose' }
	/** Train the SAE on uploaded activations (upload-run.ts); a refused file keeps the current run (`uploadRejected`). */
	| UploadMessage;

// ── Uploaded activations ("Your activations") ──
export interface UploadMessage {
	type: 'upload';
	/** The .npy files as chosen (a File is a Blob): their bytes are read in the worker, and never sent anywhere. */
	activations: Blob;
	labels: Blob | null;
	name: string;
	labelsName: string | null;
	/** SAE width = widthMultiple · d. */
	widthMultiple: number;
	seed: number;
	/** Start training once ready (default true). */
	autoplay?: boolean;
}

// ───────────────────────────── worker → UI ─────────────────────────────

/** The result of one backend's measured warm-up. */
export interface BackendTrial {
	name: BackendName;
	ok: boolean;
	/** Median ms of the warm-up workload (a forward+backward of the preset's size), when it ran. */
	ms?: number;
	/** Why it was rejected (error text or "n× slower than …"). */
	reason?: string;
}

export interface GrokkingMetrics {
	kind: 'grokking';
	trainLoss: number;
	testLoss: number;
	trainAcc: number;
	testAcc: number;
	/** Sum of squared weights (what weight decay pulls down). */
	weightNorm: number;
	/** What the network learned: prediction table, Fourier spectra, frequency lottery (grokking-readouts.ts). */
	readouts?: GrokkingReadouts;
}

/** The feature-lottery statistics (docs/theory.md §6), computed once `step ≥ earlyStep`, with "final" = this snapshot. */
export interface LotteryStats {
	earlyStep: number;
	/** Atoms alive at both the early step and now. */
	nAlive: number;
	/** Spearman rank correlation of early vs current purity over those atoms. */
	spearman: number;
	/** Current mean purity of the top decile of atoms by early purity. */
	topDecilePurity: number;
	/** Purity of random 50-sample subsets (the chance level). */
	baseline: number;
	/** Current mean purity of all alive atoms. */
	meanPurity: number;
	ratioToBaseline: number;
	ratioToMean: number;
}

export interface SaeMetrics {
	kind: 'sae';
	/** Training loss on the last batch: mse + l1·‖z‖₁. */
	loss: number;
	/** E‖x − x̂‖² on the fixed evaluation set (summed over dims). */
	mse: number;
	/** Mean number of active atoms per sample. */
	l0: number;
	/** Atoms with fewer than 10 activations on the evaluation set. */
	dead: number;
	/** Mean over true features of the max |cos| to any decoder column. */
	mmcs: number;
	/** Mean purity over alive atoms. */
	meanPurity: number;
	/** Per-atom purity (NaN for dead atoms), max |cos| to the true features, and alive flag (length m). */
	purity: Float32Array;
	maxCos: Float32Array;
	alive: Uint8Array;
	lottery: LotteryStats | null;
}

/** Contrastive SSL (issue 7 §1). W/T and the effective rank of the embeddings are in the probe summary. */
export interface SslMetrics {
	kind: 'ssl';
	/** NT-Xent of the last training batch. */
	loss: number;
	/** kNN accuracy (k = 5, cosine) of the held-out embeddings against the bank's. */
	knnAcc: number;
	/** The same kNN on the raw inputs: the baseline line (constant over a run). */
	rawKnnAcc: number;
}

export type ToyMetrics = GrokkingMetrics | SaeMetrics | SslMetrics;

/** The probe's reading of one snapshot, compact (docs/theory.md §1–4). */
export interface ProbeSummary {
	betaMode: BetaMode;
	beta: number;
	betaC: number;
	rho: number;
	/** h_1 = (1 − βλ1)/K. */
	hessianMin: number;
	/** Smallest Hessian eigenvalue at the probe's current prototypes (Lanczos on the exact HVP); absent/null if not computed. */
	hessianAtState?: number | null;
	/** Points the probe read (a fixed subsample in the lab; see live-probe.ts); absent = all. */
	probeRows?: number;
	unstableDirections: number;
	/** Leading covariance eigenvalues, descending (topK). */
	lambdas: Float32Array;
	trace: number;
	/** m/√λ1. */
	spread: number;
	projV1: number;
	kEff: number;
	effectiveRank: number;
	anisotropy: number;
	collapseWarning: boolean;
	/** Label-based within/total variance ratio of the logits (grokking) or of the codes (SAE); plots only. */
	wt: number | null;
	K: number;
	/** Prototypes projected on (v1, v2) after centring: K×2 row-major. */
	prototypes2d: Float32Array;
	/** A fixed subsample (≤ displayPoints) of probe points projected on (v1, v2): M×2 row-major. */
	points2d: Float32Array;
	/** Label of each displayed point: class (a+b) mod p for grokking, dominant true feature (−1: none) for the SAE. */
	pointLabels: Int16Array;
	/** Grokking only: 1 if the displayed point is in the training split, else 0. */
	pointTrain: Uint8Array | null;
}

export interface Snapshot {
	toy: ToyName;
	step: number;
	/** Wall-clock ms since the run (re)started, for rate displays only. */
	elapsedMs: number;
	metrics: ToyMetrics;
	probe: ProbeSummary;
	/** Events of the trajectory so far (onset, escape, symmetryBreaking, lag, collapse, shape, rhoMax). */
	events: TrajectoryEvents;
	/** Hyper-parameters in force at this step. */
	hyper: Hyper;
	/** Every hyper change of this run so far. */
	hyperChanges: HyperChange[];
}

export type PauseReason = 'user' | 'nan' | 'diverged' | 'hidden' | 'backend-lost' | 'finished';

/** The preset actually running, by name, with its full configuration. */
export interface PresetInfo {
	name: string;
	label: string;
	config: ToyConfig;
}

export type FromWorker =
	| {
			type: 'ready';
			backend: BackendName;
			backendReason: string;
			trials: BackendTrial[];
			preset: PresetInfo;
			/** The full configuration in force (same as preset.config, repeated for convenience). */
			config: ToyConfig;
			seed: number;
			ringCapacity: number;
	  }
	/** A fresh run started (init, reset or reseed): clear buffers and marks. */
	| { type: 'run'; seed: number; cause: 'init' | 'reset' | 'reseed' }
	| { type: 'snapshot'; snapshot: Snapshot }
	| { type: 'history'; snapshots: Snapshot[] }
	| {
			type: 'status';
			running: boolean;
			step: number;
			stepsPerSecond: number;
			/** Recent mean ms per training step and per probe snapshot on this backend. */
			msPerStep: number;
			msPerProbe: number;
			/** Live tfjs tensor count (should stay flat). */
			tensors: number;
	  }
	| { type: 'paused'; reason: PauseReason; message: string; step: number }
	| { type: 'backend'; name: BackendName; fallbackFrom?: BackendName; reason: string }
	| { type: 'error'; message: string }
	/** An upload was refused (upload-validate.ts says why); the previous run, if any, carries on untouched. */
	| { type: 'uploadRejected'; kind: string; message: string };

export type { ShapeTag, TrajectoryEvents };

/**
 * The typed-array buffers of a snapshot, for postMessage's transfer list. Transferring detaches them: the worker
 * transfers a fresh copy and keeps its own in the ring buffer.
 */
export function snapshotTransferables(s: Snapshot): ArrayBuffer[] {
	const arrays: ArrayBufferView[] = [s.probe.lambdas, s.probe.prototypes2d, s.probe.points2d, s.probe.pointLabels];
	if (s.probe.pointTrain) arrays.push(s.probe.pointTrain);
	if (s.metrics.kind === 'sae') arrays.push(s.metrics.purity, s.metrics.maxCos, s.metrics.alive);
	if (s.metrics.kind === 'grokking' && s.metrics.readouts) {
		const r = s.metrics.readouts;
		arrays.push(r.prediction, r.confidence, r.isTrain, r.embeddingPower, r.neuronPower, r.winner, r.winnerPower, r.neuronStrength);
		arrays.push(r.weights, r.weightScale, r.initWeights, r.initScale, r.alive);
		if (r.earlyWinner) arrays.push(r.earlyWinner);
	}
	const seen = new Set<ArrayBuffer>();
	for (const a of arrays) if (a.buffer instanceof ArrayBuffer) seen.add(a.buffer);
	return [...seen];
}

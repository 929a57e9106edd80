import type { KernelThreads } from './threads/kernel-threads';
/**
 * Public types of the passive Gaussian-mixture probe (docs/theory.md §1–4).
 * Everything here is plain data: typed arrays in, plain objects out. No tfjs, no DOM.
 * Matrices are row-major: a snapshot Z of N points in d dimensions is Z[n*d + j].
 */

export type Matrix = Float32Array | Float64Array;

/**
 * A point cloud: N rows of d values, row-major. The mixture kernels (emStep, responsibilities, freeEnergy, …) take
 * one of these and a Mixture; the figures' and theory helpers take one plus an options object.
 */
export interface Points {
	Z: Matrix;
	n: number;
	d: number;
}

/** The mixture's state: K prototypes (K×d row-major, d from the Points) at precision β (docs/theory.md §1). */
export interface Mixture {
	prototypes: Float64Array;
	K: number;
	beta: number;
}

/** How β(t) is obtained (docs/theory.md §3). Every result carries the mode it used. */
export type BetaSpec =
	/** β set by the visitor. */
	| { mode: 'fixed'; beta: number }
	/** Softmax readout as a Gibbs posterior. W: C×d row-major, one row per class (the classifier's readout). */
	| { mode: 'readout'; W: Matrix; classes: number }
	/** Contrastive kernel exp(uᵀv/τ) on L2-normalised embeddings: β = 1/τ. */
	| { mode: 'kernel'; tau: number }
	/** Autoencoder: β = d / E‖x − x̂‖², probe run on the frozen input x (Z = x). mse = E‖x − x̂‖² summed over dims. */
	| { mode: 'residual'; mse: number }
	/** Scale-free: β = β̃ / tr Σ_t with β̃ fixed at a reference snapshot (betaTilde = β_ref · tr Σ_ref). */
	| { mode: 'calibrated'; betaTilde: number };

export type BetaMode = BetaSpec['mode'];

export interface ProbeOptions {
	/** Number of prototypes (default 8). */
	K?: number;
	/** EM steps per snapshot (default 5). Ignored when `converge` is true. */
	emSteps?: number;
	/** Run EM to convergence instead (equilibrium analysis); capped by maxIter. */
	converge?: boolean;
	/** Relative tolerance for `converge` (default 1e-9 on prototype movement / √λ1). */
	tol?: number;
	maxIter?: number;
	/** Number of leading eigenpairs reported (default 8). */
	topK?: number;
	/** Jitter scale relative to √(tr Σ / d) (default 1e-6). */
	jitter?: number;
	/** Seed for the jitter / initial symmetric start. */
	seed?: number;
	/** Progress of EM: called after every step with the step count and the largest prototype move. */
	onEmIteration?: (iteration: number, move: number) => void;
	/**
	 * Also compute the smallest eigenvalue of the free-energy Hessian at the current prototypes (Lanczos on the
	 * exact HVP, warm-started from the previous snapshot; docs/theory.md §2). Off by default: it costs about
	 * 3·N·K·d multiply-adds per Lanczos iteration. `maxIter` caps the iterations (default 40).
	 */
	hessianAtState?: boolean | { maxIter?: number };
	/**
	 * Node only, opt-in: a pool from createProbeThreads (src/lib/probe/threads/probe-threads.ts) that runs the
	 * float32 covariance, EM and free energy on row ranges across its threads (deterministic; equal to one thread
	 * within the kernels' stated tolerances). Ignored off the float32 route.
	 */
	threads?: KernelThreads | null;
}

/** The smallest Hessian eigenvalue at the probe's current prototypes (not the symmetric-state closed form). */
export interface HessianAtStateResult {
	min: number;
	iterations: number;
	converged: boolean;
}

/** One Hessian eigenvalue at the symmetric state with its multiplicity. */
export interface HessianEigen {
	value: number;
	multiplicity: number;
	/** Index i of the covariance eigenvalue λ_i it comes from; -1 for the translation mode 1/K. */
	source: number;
}

export interface SnapshotResult {
	n: number;
	d: number;
	K: number;
	betaMode: BetaMode;
	beta: number;
	/** Leading covariance eigenvalues, descending (length min(topK, d)). */
	lambdas: number[];
	lambda1: number;
	/** Leading eigenvector v1 (length d). */
	v1: Float64Array;
	/** Second eigenvector v2 (length d, zeros if d = 1). */
	v2: Float64Array;
	trace: number;
	betaC: number;
	rho: number;
	/** Closed-form Hessian spectrum at the symmetric state (from the reported lambdas + translation mode). */
	hessian: HessianEigen[];
	/** h_1 = (1 − βλ1)/K. */
	hessianMin: number;
	/** Smallest Hessian eigenvalue at the current prototypes (only with options.hessianAtState), else null. */
	hessianAtState: HessianAtStateResult | null;
	unstableDirections: number;
	/** m/√λ1, m = √((1/K) Σ_k ‖μ_k − μ̄‖²). */
	spread: number;
	/**
	 * Part of the spread along v1: √((1/K) Σ_k ((μ_k − μ̄)·v1)²)/√λ1 (sign-free; projV1/spread is the cosine
	 * between the split and v1).
	 */
	projV1: number;
	kEff: number;
	/** λ1 / mean(λ): the fitted-isotropic "ρ", reported only as an anisotropy index. */
	anisotropy: number;
	/** exp(H(λ/Σλ)) over the full spectrum. */
	effectiveRank: number;
	freeEnergy: number;
	emIterations: number;
	converged: boolean;
	collapseWarning: boolean;
	/** Current prototypes, K×d row-major, in data coordinates. */
	prototypes: Float64Array;
	/** All d covariance eigenvalues, descending (the effective rank and unstable count use these). */
	spectrum: Float64Array;
	/** Leading covariance eigenvectors, lambdas.length × d row-major (row 0 = v1). */
	eigvecs: Float64Array;
	/** 1e-6·√(tr Σ/d) by default: the jitter amplitude added to the prototypes before EM. */
	jitterAmplitude: number;
	/** Largest prototype move in the last EM step. */
	lastMove: number;
	/** Data mean z̄ (length d). */
	mean: Float64Array;
}

/** Carried between snapshots of one run: warm-start prototypes, collapse reference, calibration. */
export interface ProbeState {
	K: number;
	d: number;
	/** Warm-start prototypes, K×d, centred (relative to the snapshot mean, so a drifting mean does not move them). */
	prototypes: Float64Array | null;
	/** Previous top eigenvectors for warm-started iteration (k×d). */
	eigvecs: Float64Array | null;
	maxTrace: number;
	seed: number;
	/** Snapshots seen so far; each snapshot's jitter stream is seeded from (seed, snapshots). */
	snapshots?: number;
	/** Last eigenvector of the Hessian at the state (K×d), the warm start for the next Lanczos run. */
	hessianVector?: Float64Array | null;
}

/** One row of a trajectory, as fed to the event analysis. */
export interface TrajectoryPoint {
	step: number;
	rho: number;
	spread: number;
	betaC: number;
	trace: number;
	effectiveRank: number;
	/** Label-based within/total variance ratio (plots only), optional. */
	wt?: number;
}

/**
 * Shape in the (log ρ, log W/T) plane (docs/theory.md §4). The paper's four: full-v, fold-back, delayed-escape, no-arc.
 * Ours besides: `waiting` (crossed 1, no symmetry breaking yet), `runaway` (ends so while ρ keeps growing: no escape),
 * `other` (crossed and broke symmetry soon, but β_c moved more than ×2 since onset, so not a Full V).
 */
export type ShapeTag = 'full-v' | 'fold-back' | 'delayed-escape' | 'no-arc' | 'waiting' | 'runaway' | 'other';

/** The numbers that decided a shape tag (null where the rule had nothing to measure). */
export interface ShapeEvidence {
	/** Largest finite ρ and its step. */
	rhoPeak: number;
	rhoPeakStep: number | null;
	/** Lowest ρ after the peak, as a fraction fallen from the peak (0 if ρ never fell). */
	rhoFall: number;
	/** Largest factor β_c moved away from its value at onset (≥ 1), or null before onset. */
	betaCFactor: number | null;
	/** ρ at the end over ρ halfway between onset and the end (the runaway test), or null before onset. */
	rhoLateGrowth: number | null;
	/** Thresholds used: delayed escape when lag > lagMax; fold-back when rhoFall > foldMin; Full V when betaCFactor ≤ betaCMax. */
	lagMax: number;
	foldMin: number;
	betaCMax: number;
	runawayMin: number;
}

export interface TrajectoryEvents {
	/** First step with ρ ≥ 1 (linearly interpolated), or null. */
	onset: number | null;
	/** First step with m/√λ1 ≥ 0.3, or null. */
	escape: number | null;
	/** Macroscopic symmetry breaking: first W/T below half its running post-onset peak (needs wt), or null. */
	symmetryBreaking: number | null;
	/** symmetryBreaking / onset, or null. */
	lag: number | null;
	/** Step of the first collapse warning, or null. */
	collapse: number | null;
	shape: ShapeTag;
	rhoMax: number;
	/** What decided `shape` (always set by analyseTrajectory; optional so hand-made fixtures stay small). */
	evidence?: ShapeEvidence;
}

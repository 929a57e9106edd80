/**
 * Plain-data configuration of the two toys (science.md §6). No tfjs, no DOM: shared by the worker, the UI and the CLIs.
 * The measured preset values live in presets.ts.
 */

export type ToyName = 'grokking' | 'sae';
export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/** The hyper-parameters that can be changed on the running model without a reset. */
export interface Hyper {
	/** Learning rate of AdamW. */
	lr: number;
	/** Decoupled weight decay coefficient (θ ← θ − lr·wd·θ). */
	weightDecay: number;
	/** Standard deviation σ of the Gaussian noise added to every gradient entry. */
	noise: number;
}
export type HyperKey = keyof Hyper;

/** One hyper-parameter change, recorded with the step at which it took effect (the next step trains with it). */
export interface HyperChange {
	step: number;
	key: HyperKey;
	value: number;
}

/** Probe settings common to both toys (science.md §4). */
export interface ProbeConfig {
	/** Probe every k training steps. */
	probeEvery: number;
	/** Number of probe prototypes K. */
	probeK: number;
	/** Warm-started EM steps per snapshot. */
	emSteps: number;
	/** Number of probe points sent to the UI, projected on (v1, v2). */
	displayPoints: number;
	/** Leading covariance eigenvalues reported per snapshot. */
	topK: number;
	/** Live probe only (see live-probe.ts): read a fixed seeded subsample of at most this many probe points. */
	probeRows?: number;
	/** Live probe only: also the smallest Hessian eigenvalue at the current prototypes (Lanczos on the HVP). */
	hessianAtState?: boolean;
}

interface CommonConfig extends ProbeConfig {
	/** Suggested run length: the UI's "finished" point and the CLI's default --steps. */
	steps: number;
	/** AdamW moments. */
	beta1: number;
	beta2: number;
	/** Adam epsilon, explicit (tfjs' backend-dependent default differs on WebGL; browser.md gotcha 2). */
	epsilon: number;
	/** Initial hyper-parameters. */
	hyper: Hyper;
	/** Loss above which the run counts as diverged (auto-pause). */
	divergeLoss: number;
}

/** Modular addition (a + b) mod p: shared embedding of a and b, concatenated, ReLU layer, linear readout. */
export interface GrokkingConfig extends CommonConfig {
	toy: 'grokking';
	p: number;
	/** Fraction of the p² pairs used for training (seeded split). */
	trainFraction: number;
	embedDim: number;
	hidden: number;
}

/** Sparse autoencoder on synthetic superposition data with known ground-truth features. */
export interface SaeConfig extends CommonConfig {
	toy: 'sae';
	/** Input dimension d. */
	inputDim: number;
	/** Number of ground-truth unit features G. */
	features: number;
	/** Number of SAE atoms m. */
	atoms: number;
	/** Probability that each feature is active in a sample. */
	activeProb: number;
	/** L1 penalty λ_1 on the codes. */
	l1: number;
	/** Fresh batch size per step. */
	batch: number;
	/**
	 * Fixed evaluation set for purity and MSE. Each feature is dominant in only ≈ evalSamples/G of them, which caps
	 * purity at that count / purityTop: keep evalSamples ≳ 2·G·purityTop.
	 */
	evalSamples: number;
	/** The first probeSamples of the evaluation set are the probe set (Z = x, β mode `residual`) and the W/T set. */
	probeSamples: number;
	/** Top activations per atom considered by purity (science.md §6: 50). */
	purityTop: number;
	/** Fraction of `steps` at which the lottery's "early" purity is taken (0.05). */
	earlyFraction: number;
	/** Scale of the encoder/decoder initialisation relative to the usual 1/√fan-in (science.md §3 caveat). */
	initScale: number;
}

export type ToyConfig = GrokkingConfig | SaeConfig;

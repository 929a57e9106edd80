/**
 * Plain-data configuration of the two toys (docs/theory.md §6). No tfjs, no DOM: shared by the worker, the UI and the CLIs.
 * The measured preset values live in presets.ts.
 */

export type ToyName = 'grokking' | 'sae' | 'ssl';
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

/** Probe settings common to both toys (docs/theory.md §4). */
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
	/** Adam epsilon, explicit (tfjs' default comes from the backend: 1e-4 on WebGL, 1e-7 elsewhere). */
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
	/** The network: the MLP (default) or a one-layer Transformer (embedDim = d_model, hidden = its MLP width). */
	arch?: 'mlp' | 'transformer';
	/** Transformer only: attention heads (divides embedDim). */
	heads?: number;
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
	/** Top activations per atom considered by purity (docs/theory.md §6: 50). */
	purityTop: number;
	/** Fraction of `steps` at which the lottery's "early" purity is taken (0.05). */
	earlyFraction: number;
	/** Scale of the encoder/decoder initialisation relative to the usual 1/√fan-in (docs/theory.md §3 caveat). */
	initScale: number;
	/** Set when the SAE trains on uploaded activations instead of synthetic data (upload-config.ts). */
	upload?: UploadInfo;
	// --- lottery study variants (sae-lottery-study.json); absent = the original toy ---
	/** Feature frequencies, magnitudes, correlated groups (see SaeDataOptions in sae-data.ts). */
	frequency?: 'uniform' | 'zipf';
	magnitude?: 'uniform' | 'exponential' | 'bounded';
	groupSize?: number;
	/** Decoder rows: random unit vectors, or normalised training samples (`data`). */
	decoderInit?: 'random' | 'data';
}

// ── Uploaded activations ("Your activations" in the lab, `npm run train -- sae --data`) ──
/** What the run knows about an uploaded file; the data itself travels beside the config (upload-trainer.ts). */
export interface UploadInfo {
	name: string;
	labelsName: string | null;
	/** Rows N and dimension d of the file. */
	n: number;
	d: number;
	/** Distinct labels (0 without a labels file). */
	classes: number;
	/** SAE width = widthMultiple · d. */
	widthMultiple: number;
	/** The constant every value is multiplied by, so that the mean squared row norm is `targetNormSq`. */
	scale: number;
}

// ── SSL toy (issue 7 §1) ──
/** Where the SSL toy's inputs come from. */
export type SslDataSource = 'synthetic' | 'digits';
export const SSL_DATA_SOURCES: readonly SslDataSource[] = ['synthetic', 'digits'];

/** Cheap image augmentations of the digits source, each view drawn independently. */
export interface SslAugment {
	/** Random shift by up to ±shift pixels in x and y (zero fill). */
	shift: number;
	/** Standard deviation of Gaussian pixel noise (pixels scaled to [0, 1]). */
	noise: number;
	/** Side of the square cutout (0: none), applied with probability cutoutProb. */
	cutout: number;
	cutoutProb: number;
}

/** Contrastive SSL: MLP encoder, L2-normalised output, NT-Xent over two augmented views; probe in β mode `kernel`. */
export interface SslConfig extends CommonConfig {
	toy: 'ssl';
	data: SslDataSource;
	/** Input dimension (32 synthetic, 64 digits). */
	inputDim: number;
	hidden: number;
	/** Embedding dimension (the L2-normalised output the probe reads). */
	embedDim: number;
	/** Samples per step; each gives two views, so the NT-Xent batch has 2·batch rows. */
	batch: number;
	/** NT-Xent temperature τ; the probe's β = 1/τ. */
	tau: number;
	/** Synthetic: latent classes, latent dimension, within-class spread of s, nuisance std (resampled per view). */
	classes: number;
	latentDim: number;
	signalNoise: number;
	nuisanceStd: number;
	augment: SslAugment;
	/** Size of the kNN bank (training inputs) and of the held-out set (also the probe set). */
	bankSize: number;
	heldOut: number;
	/** k of the kNN accuracy (cosine similarity, majority vote). */
	knnK: number;
	/** Early snapshot cadence: every `earlyProbeEvery` steps up to `earlyProbeUntil`, then every `probeEvery`. */
	earlyProbeEvery: number;
	earlyProbeUntil: number;
}

export type ToyConfig = GrokkingConfig | SaeConfig | SslConfig;

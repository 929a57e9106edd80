/**
 * Named presets of the two toys. Sizes and step budgets were measured on this project's machine (wasm in Node,
 * 2 shared cores) — see content/data/README.md and `npm run bench:train`; docs/theory.md §6 gives the starting points.
 */
import type { GrokkingConfig, SaeConfig, SslConfig, SslDataSource, ToyConfig, ToyName } from './config';

const probeDefaults = { probeEvery: 25, probeK: 8, emSteps: 5, displayPoints: 300, topK: 8 };
const adam = { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };

/** A grokking task and network: a + b mod p, the training fraction, embedding and hidden widths, step budget. */
type GrokkingSize = Pick<GrokkingConfig, 'p' | 'trainFraction' | 'embedDim' | 'hidden' | 'steps'>;

function grokking(size: GrokkingSize): GrokkingConfig {
	return {
		toy: 'grokking',
		...size,
		...adam,
		beta2: 0.98,
		...probeDefaults,
		hyper: { lr: 3e-3, weightDecay: 1, noise: 0 },
		divergeLoss: 1e3
	};
}

/** An SAE toy: input width d, true features, dictionary atoms, step budget, evaluation samples. */
type SaeSize = Pick<SaeConfig, 'inputDim' | 'features' | 'atoms' | 'steps' | 'evalSamples'>;

function sae(size: SaeSize): SaeConfig {
	return {
		toy: 'sae',
		...size,
		activeProb: 0.04,
		l1: 0.25,
		batch: 256,
		probeSamples: 2048,
		purityTop: 50,
		earlyFraction: 0.05,
		initScale: 1,
		...adam,
		...probeDefaults,
		hyper: { lr: 2e-3, weightDecay: 0, noise: 0 },
		divergeLoss: 1e4
	};
}

/** The SSL toy (docs/theory.md §6): synthetic 32 → 64 → 16, or 8×8 digits 64 → 128 → 32; NT-Xent τ 0.1, Adam 1e-3. */
function sslConfig(data: SslDataSource, steps: number): SslConfig {
	const digits = data === 'digits';
	return {
		toy: 'ssl',
		data,
		inputDim: digits ? 64 : 32,
		hidden: digits ? 128 : 64,
		embedDim: digits ? 32 : 16,
		batch: 256,
		tau: 0.1,
		classes: digits ? 10 : 8,
		latentDim: 8,
		signalNoise: 0.3,
		nuisanceStd: 2,
		augment: { shift: 1, noise: 0.1, cutout: 3, cutoutProb: 0.5 },
		bankSize: digits ? 1297 : 1024,
		heldOut: digits ? 500 : 512,
		knnK: 5,
		earlyProbeEvery: 5,
		earlyProbeUntil: 100,
		steps,
		...adam,
		...probeDefaults,
		hyper: { lr: 1e-3, weightDecay: 0, noise: 0 },
		divergeLoss: 1e4
	};
}

export interface Preset {
	name: string;
	label: string;
	config: ToyConfig;
}

export const PRESETS: Preset[] = [
	// p = 31 at fraction 0.5 is still below 30% test accuracy at step 2000 (wd 1); fraction 0.7 reaches 95% near 800.
	{ name: 'grokking-small', label: 'a + b mod 31, 70% train (CPU-sized)', config: grokking({ p: 31, trainFraction: 0.7, embedDim: 32, hidden: 128, steps: 1500 }) },
	{ name: 'grokking-59', label: 'a + b mod 59, 50% train', config: grokking({ p: 59, trainFraction: 0.5, embedDim: 32, hidden: 128, steps: 3000 }) },
	// p = 97 (seed 1, wd 1, wasm): test 95% at step 1925. Its probe update (9409 points × 256 units, mostly JS) took
	// 773–892 ms against 130–146 ms per wasm step, and a GPU speeds up only the step: probe every 50 steps.
	{
		name: 'grokking-97',
		label: 'a + b mod 97, 40% train (fast machines)',
		config: { ...grokking({ p: 97, trainFraction: 0.4, embedDim: 64, hidden: 256, steps: 3000 }), probeEvery: 50 }
	},
	// A one-layer, 4-head Transformer on grokking-small's task: it groks within 2× the MLP's time on wasm (median
	// 1.02× over 3 seeds; content/data/transformer-grokking.json), so it earns a preset (issue 12 §3).
	{
		name: 'grokking-transformer',
		label: 'a + b mod 31, 70% train, 1-layer Transformer (4 heads)',
		config: { ...grokking({ p: 31, trainFraction: 0.7, embedDim: 32, hidden: 128, steps: 1500 }), arch: 'transformer', heads: 4 }
	},
	// Evaluation sets of 128·G samples: ~128 samples per dominant feature, so purity is not capped by the set size
	// (with 2048 samples and G = 128 the top-decile purity sat at its cap, 16/50 ≈ 0.32).
	{ name: 'sae-small', label: 'SAE d = 16, 64 features, 128 atoms', config: sae({ inputDim: 16, features: 64, atoms: 128, steps: 3000, evalSamples: 8192 }) },
	{ name: 'sae', label: 'SAE d = 32, 128 features, 256 atoms', config: sae({ inputDim: 32, features: 128, atoms: 256, steps: 5000, evalSamples: 16384 }) },
	{ name: 'ssl', label: 'SSL on synthetic latent classes (32 → 64 → 16)', config: sslConfig('synthetic', 1500) },
	{ name: 'ssl-digits', label: 'SSL on 8×8 handwritten digits (64 → 128 → 32)', config: sslConfig('digits', 1000) },
	// Feature frequencies p_g ∝ 1/g, as language-model features are (content/data/sae-lottery-study.json, "zipf").
	{ name: 'sae-zipf', label: 'SAE d = 16, 64 Zipf-frequency features, 128 atoms', config: { ...sae({ inputDim: 16, features: 64, atoms: 128, steps: 3000, evalSamples: 8192 }), frequency: 'zipf' } }
];

export function presetNames(toy?: ToyName): string[] {
	return PRESETS.filter((p) => !toy || p.config.toy === toy).map((p) => p.name);
}

/** A copy of the named preset (its config can be edited freely); one clear error for an unknown name or wrong toy. */
export function getPreset(name: string, toy?: ToyName): Preset {
	const preset = PRESETS.find((p) => p.name === name);
	if (!preset) throw new Error(`unknown preset "${name}"; known: ${presetNames(toy).join(', ')}`);
	if (toy && preset.config.toy !== toy) {
		throw new Error(`preset "${name}" is a ${preset.config.toy} preset; ${toy} presets: ${presetNames(toy).join(', ')}`);
	}
	return structuredClone(preset);
}

/**
 * The default preset of a toy given the measured ms of one training step of the mid-sized preset on the chosen
 * backend (the backend warm-up measures it): bigger on a fast device, smaller on a slow one. A grokking-97 step
 * costs ~5× a grokking-59 step (wasm, 2026-11-30: 22 vs 4.5 ms), so 97 is chosen only where its step stays near
 * 10 ms, i.e. a grokking-59 step under 2 ms (a GPU; wasm on a 2-core machine measures 3.6–4.5 ms).
 */
export function defaultPresetName(toy: ToyName, msPerMidStep?: number): string {
	if (toy === 'ssl') return 'ssl';
	if (toy === 'sae') return msPerMidStep !== undefined && msPerMidStep > 40 ? 'sae-small' : 'sae';
	if (msPerMidStep === undefined) return 'grokking-59';
	if (msPerMidStep < 2) return 'grokking-97';
	if (msPerMidStep > 60) return 'grokking-small';
	return 'grokking-59';
}

/** The preset whose step time the backend warm-up measures. */
export const MID_PRESET: Record<ToyName, string> = { grokking: 'grokking-59', sae: 'sae', ssl: 'ssl' };

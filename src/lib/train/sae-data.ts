/**
 * Synthetic superposition data for the SAE (docs/theory.md §6): G unit ground-truth features in R^d, each active with
 * probability q with magnitude U(0, 1); x = Σ_g s_g a_g f_g. The label of a sample is its dominant true feature.
 */
import { Rng, Stream, streamRng } from './seeded';

export interface SaeFeatures {
	d: number;
	G: number;
	/** G×d row-major, unit rows. */
	F: Float32Array;
}

/**
 * How the synthetic features fire (the lottery study varies these; docs/theory.md §6). The defaults reproduce the
 * original generator draw for draw: independent features, equal probability q, magnitude U(0, 1).
 */
export interface SaeDataOptions {
	/** `zipf`: feature g fires with probability ∝ 1/(g + 1), scaled so the mean over features stays q (capped at 1). */
	frequency?: 'uniform' | 'zipf';
	/** `exponential`: Exp with mean 1/2 (heavy tail, the same mean as U(0, 1)); `bounded`: U(0.5, 1). */
	magnitude?: 'uniform' | 'exponential' | 'bounded';
	/**
	 * Correlated groups: features come in consecutive groups of this size; a group switches on with probability 2q and
	 * each member of a switched-on group fires with probability 1/2 (so each feature still fires with probability q).
	 * 0 or 1: independent features.
	 */
	groupSize?: number;
}

function isDefault(o: SaeDataOptions | undefined): boolean {
	return !o || ((o.frequency ?? 'uniform') === 'uniform' && (o.magnitude ?? 'uniform') === 'uniform' && (o.groupSize ?? 0) <= 1);
}

/** Per-feature firing probabilities (uniform q, or Zipf-like with mean q). */
export function featureProbabilities(G: number, q: number, frequency: SaeDataOptions['frequency'] = 'uniform'): Float64Array {
	const p = new Float64Array(G).fill(q);
	if (frequency !== 'zipf') return p;
	let h = 0;
	for (let g = 0; g < G; g++) h += 1 / (g + 1);
	for (let g = 0; g < G; g++) p[g] = Math.min(1, (q * G) / h / (g + 1));
	return p;
}

function drawMagnitude(rng: Rng, kind: SaeDataOptions['magnitude']): number {
	if (kind === 'exponential') {
		let u = 0;
		while (u === 0) u = rng.next();
		return -0.5 * Math.log(u);
	}
	if (kind === 'bounded') return 0.5 + 0.5 * rng.next();
	let u = 0;
	while (u === 0) u = rng.next();
	return u;
}

/** Coefficients of one sample under non-default options (fills coef, returns nothing). */
export function drawCoefficients(coef: Float64Array, p: Float64Array, o: SaeDataOptions, rng: Rng): void {
	const G = coef.length;
	const size = o.groupSize ?? 0;
	if (size > 1) {
		for (let g0 = 0; g0 < G; g0 += size) {
			const on = rng.next() < Math.min(1, 2 * p[g0]);
			for (let g = g0; g < Math.min(G, g0 + size); g++) coef[g] = on && rng.next() < 0.5 ? drawMagnitude(rng, o.magnitude) : 0;
		}
		return;
	}
	for (let g = 0; g < G; g++) coef[g] = rng.next() < p[g] ? drawMagnitude(rng, o.magnitude) : 0;
}

export interface SaeSamples {
	n: number;
	/** n×d row-major. */
	x: Float32Array;
	/** Dominant true feature per sample (largest coefficient), −1 if none is active. */
	label: Int16Array;
}

export function makeFeatures(d: number, G: number, seed: number): SaeFeatures {
	if (!Number.isInteger(d) || d < 2 || !Number.isInteger(G) || G < 1) {
		throw new Error(`sae: need integer inputDim ≥ 2 and features ≥ 1, got ${d}, ${G}`);
	}
	const rng = streamRng(seed, Stream.features);
	const F = new Float32Array(G * d);
	for (let g = 0; g < G; g++) {
		let norm = 0;
		for (let j = 0; j < d; j++) {
			const v = rng.normal();
			F[g * d + j] = v;
			norm += v * v;
		}
		norm = Math.sqrt(norm);
		for (let j = 0; j < d; j++) F[g * d + j] /= norm;
	}
	return { d, G, F };
}

/**
 * Draw n samples. With `nonEmpty`, samples with no active feature are redrawn (the evaluation set: every sample then has
 * a true label, which purity needs).
 */
export function sampleSae(
	features: SaeFeatures,
	q: number,
	n: number,
	rng: Rng,
	nonEmpty = false,
	options?: SaeDataOptions
): SaeSamples {
	const { d, G, F } = features;
	const plain = isDefault(options);
	const probs = plain ? null : featureProbabilities(G, q, options!.frequency);
	const x = new Float32Array(n * d);
	const label = new Int16Array(n);
	const coef = new Float64Array(G);
	for (let i = 0; i < n; i++) {
		let best = -1;
		let bestCoef = 0;
		do {
			best = -1;
			bestCoef = 0;
			if (!plain) drawCoefficients(coef, probs!, options!, rng);
			for (let g = 0; g < G; g++) {
				if (plain) coef[g] = rng.next() < q ? rng.next() : 0;
				if (coef[g] > bestCoef) {
					bestCoef = coef[g];
					best = g;
				}
			}
		} while (nonEmpty && best < 0);
		label[i] = best;
		const row = i * d;
		for (let g = 0; g < G; g++) {
			const c = coef[g];
			if (c === 0) continue;
			for (let j = 0; j < d; j++) x[row + j] += c * F[g * d + j];
		}
	}
	return { n, x, label };
}

/** The fresh training batch of a given step: a pure function of (seed, step). */
export function saeBatch(
	features: SaeFeatures,
	q: number,
	batch: number,
	seed: number,
	step: number,
	options?: SaeDataOptions
): SaeSamples {
	return sampleSae(features, q, batch, streamRng(seed, Stream.batch, step), false, options);
}

/** The fixed evaluation / probe set of a run. */
export function saeEvalSet(features: SaeFeatures, q: number, n: number, seed: number, options?: SaeDataOptions): SaeSamples {
	return sampleSae(features, q, n, streamRng(seed, Stream.evalSet), true, options);
}

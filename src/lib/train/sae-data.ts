/**
 * Synthetic superposition data for the SAE (science.md §6): G unit ground-truth features in R^d, each active with
 * probability q with magnitude U(0, 1); x = Σ_g s_g a_g f_g. The label of a sample is its dominant true feature.
 */
import { Rng, Stream, streamRng } from './seeded';

export interface SaeFeatures {
	d: number;
	G: number;
	/** G×d row-major, unit rows. */
	F: Float32Array;
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
export function sampleSae(features: SaeFeatures, q: number, n: number, rng: Rng, nonEmpty = false): SaeSamples {
	const { d, G, F } = features;
	const x = new Float32Array(n * d);
	const label = new Int16Array(n);
	const coef = new Float64Array(G);
	for (let i = 0; i < n; i++) {
		let best = -1;
		let bestCoef = 0;
		do {
			best = -1;
			bestCoef = 0;
			for (let g = 0; g < G; g++) {
				coef[g] = rng.next() < q ? rng.next() : 0;
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
export function saeBatch(features: SaeFeatures, q: number, batch: number, seed: number, step: number): SaeSamples {
	return sampleSae(features, q, batch, streamRng(seed, Stream.batch, step));
}

/** The fixed evaluation / probe set of a run. */
export function saeEvalSet(features: SaeFeatures, q: number, n: number, seed: number): SaeSamples {
	return sampleSae(features, q, n, streamRng(seed, Stream.evalSet), true);
}

/**
 * Inputs of the SSL toy (docs/theory.md §6), as plain arrays: a fixed kNN bank and held-out set, and the two views of
 * each training step as a pure function of (seed, step).
 * - synthetic: 8 latent classes, x = Q[s; n] with Q a random orthogonal matrix, s = μ_c + 0.3ε in the latent
 *   dimensions and nuisance n ~ N(0, σ_n² I) in the rest, resampled per view: raw-input kNN is poor, the encoder has
 *   to learn to ignore n.
 * - digits: the UCI 8×8 handwritten digits (pixels scaled to [0, 1]); views are ±1 px shifts, pixel noise and cutout.
 */
import type { SslConfig } from './config';
import { getDigits, type DigitsImages } from './ssl-digits';
import { Rng, Stream, streamRng } from './seeded';

export interface LabelledSet {
	n: number;
	/** n×inputDim row-major. */
	x: Float32Array;
	label: Int16Array;
}

export interface SslViews {
	/** batch×inputDim each: view a and view b of the same samples. */
	a: Float32Array;
	b: Float32Array;
}

export interface SslDataset {
	inputDim: number;
	classes: number;
	bank: LabelledSet;
	heldOut: LabelledSet;
	views(step: number): SslViews;
}

/** A seeded random orthogonal d×d matrix (Gram–Schmidt on a Gaussian matrix), row-major. */
export function randomOrthogonal(d: number, rng: Rng): Float64Array {
	const Q = new Float64Array(d * d);
	for (let i = 0; i < d; i++) {
		const row = Q.subarray(i * d, (i + 1) * d);
		for (;;) {
			for (let j = 0; j < d; j++) row[j] = rng.normal();
			for (let k = 0; k < i; k++) {
				const prev = Q.subarray(k * d, (k + 1) * d);
				let dot = 0;
				for (let j = 0; j < d; j++) dot += row[j] * prev[j];
				for (let j = 0; j < d; j++) row[j] -= dot * prev[j];
			}
			let norm = 0;
			for (let j = 0; j < d; j++) norm += row[j] * row[j];
			norm = Math.sqrt(norm);
			if (norm > 1e-6) {
				for (let j = 0; j < d; j++) row[j] /= norm;
				break;
			}
		}
	}
	return Q;
}

/** The synthetic source: class means and the rotation are fixed by the seed. */
export function syntheticDataset(cfg: SslConfig, seed: number): SslDataset {
	const { inputDim: d, latentDim: r, classes: C, signalNoise, nuisanceStd } = cfg;
	if (!Number.isInteger(d) || !Number.isInteger(r) || r < 1 || r >= d || C < 2) {
		throw new Error(`ssl synthetic: need integers 1 ≤ latentDim < inputDim and ≥ 2 classes, got ${r}, ${d}, ${C}`);
	}
	const rng = streamRng(seed, Stream.features);
	const Q = randomOrthogonal(d, rng);
	const mu = new Float64Array(C * r);
	for (let i = 0; i < mu.length; i++) mu[i] = rng.normal();
	const z = new Float64Array(d);
	/** Write Q·[s; n] into out at row i. */
	const emit = (out: Float32Array, i: number, s: Float64Array, noiseRng: Rng) => {
		for (let j = 0; j < r; j++) z[j] = s[j];
		for (let j = r; j < d; j++) z[j] = nuisanceStd * noiseRng.normal();
		for (let a = 0; a < d; a++) {
			let v = 0;
			for (let j = 0; j < d; j++) v += Q[a * d + j] * z[j];
			out[i * d + a] = v;
		}
	};
	const s = new Float64Array(r);
	const latent = (rng2: Rng): number => {
		const c = rng2.int(C);
		for (let j = 0; j < r; j++) s[j] = mu[c * r + j] + signalNoise * rng2.normal();
		return c;
	};
	const fixedSet = (n: number, part: number): LabelledSet => {
		const setRng = streamRng(seed, Stream.evalSet, part);
		const x = new Float32Array(n * d);
		const label = new Int16Array(n);
		for (let i = 0; i < n; i++) {
			label[i] = latent(setRng);
			emit(x, i, s, setRng);
		}
		return { n, x, label };
	};
	return {
		inputDim: d,
		classes: C,
		bank: fixedSet(cfg.bankSize, 1),
		heldOut: fixedSet(cfg.heldOut, 2),
		views(step) {
			const b = cfg.batch;
			const stepRng = streamRng(seed, Stream.batch, step);
			const a = new Float32Array(b * d);
			const bb = new Float32Array(b * d);
			for (let i = 0; i < b; i++) {
				latent(stepRng);
				emit(a, i, s, stepRng);
				emit(bb, i, s, stepRng);
			}
			return { a, b: bb };
		}
	};
}

/** One augmented view of an 8×8 (side×side) image `src` into `out` at row i. */
export function augmentImage(src: ArrayLike<number>, side: number, cfg: SslConfig['augment'], rng: Rng, out: Float32Array, i: number): void {
	const dx = cfg.shift > 0 ? rng.int(2 * cfg.shift + 1) - cfg.shift : 0;
	const dy = cfg.shift > 0 ? rng.int(2 * cfg.shift + 1) - cfg.shift : 0;
	const o = i * side * side;
	for (let y = 0; y < side; y++) {
		for (let x = 0; x < side; x++) {
			const sx = x - dx;
			const sy = y - dy;
			out[o + y * side + x] = sx >= 0 && sx < side && sy >= 0 && sy < side ? src[sy * side + sx] : 0;
		}
	}
	if (cfg.cutout > 0 && rng.next() < cfg.cutoutProb) {
		const c = Math.min(cfg.cutout, side);
		const x0 = rng.int(side - c + 1);
		const y0 = rng.int(side - c + 1);
		for (let y = y0; y < y0 + c; y++) for (let x = x0; x < x0 + c; x++) out[o + y * side + x] = 0;
	}
	if (cfg.noise > 0) for (let j = 0; j < side * side; j++) out[o + j] += cfg.noise * rng.normal();
}

/** The digits source: a seeded split into held-out and bank (= the training images). */
function digitsDataset(cfg: SslConfig, seed: number, images: DigitsImages = getDigits()): SslDataset {
	const side = 8;
	const d = side * side;
	if (cfg.inputDim !== d) throw new Error(`ssl digits: inputDim must be ${d}, got ${cfg.inputDim}`);
	const total = images.n;
	if (cfg.heldOut < 10 || cfg.heldOut >= total) throw new Error(`ssl digits: heldOut must be in [10, ${total - 1}], got ${cfg.heldOut}`);
	const order = streamRng(seed, Stream.split).shuffle(Int32Array.from({ length: total }, (_, i) => i));
	const pick = (rows: Int32Array): LabelledSet => {
		const x = new Float32Array(rows.length * d);
		const label = new Int16Array(rows.length);
		rows.forEach((r, i) => {
			for (let j = 0; j < d; j++) x[i * d + j] = images.x[r * d + j] / 16;
			label[i] = images.label[r];
		});
		return { n: rows.length, x, label };
	};
	const heldOut = pick(order.slice(0, cfg.heldOut));
	const bank = pick(order.slice(cfg.heldOut, Math.min(total, cfg.heldOut + cfg.bankSize)));
	return {
		inputDim: d,
		classes: 10,
		bank,
		heldOut,
		views(step) {
			const b = cfg.batch;
			const rng = streamRng(seed, Stream.batch, step);
			const a = new Float32Array(b * d);
			const bb = new Float32Array(b * d);
			for (let i = 0; i < b; i++) {
				const r = rng.int(bank.n);
				const src = bank.x.subarray(r * d, (r + 1) * d);
				augmentImage(src, side, cfg.augment, rng, a, i);
				augmentImage(src, side, cfg.augment, rng, bb, i);
			}
			return { a, b: bb };
		}
	};
}

export function sslDataset(cfg: SslConfig, seed: number): SslDataset {
	return cfg.data === 'digits' ? digitsDataset(cfg, seed) : syntheticDataset(cfg, seed);
}

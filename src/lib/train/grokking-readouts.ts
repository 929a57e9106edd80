/**
 * What the grokking MLP has learned, read from its weights at snapshot time (docs/theory.md §10): the p × p
 * prediction table, the Fourier power of the embedding and of each neuron's input weights as a function of a,
 * f_j(a) = E[a]·W1[:D, j], the neurons' dominant frequencies and the frequency lottery. Plain arrays in and out:
 * the trainer reads the tensors asynchronously and passes them here (no tfjs, no DOM).
 */
import type { GrokkingData } from './grokking-data';
import type { EarlyMemory } from './trainer';
import { dominantFrequency, FourierBasis, keyFrequencyCount } from './fourier';
import { aliveMask, EARLY_FRACTION, frequencyLotteryStats, type FrequencyLotteryStats } from './frequency-lottery';

export type { FrequencyLotteryStats } from './frequency-lottery';

export interface GrokkingReadouts {
	p: number;
	hidden: number;
	/** Frequencies k = 1 … K, K = ⌊p/2⌋. */
	K: number;
	/** Predicted class of pair i = a·p + b (argmax of the logits). */
	prediction: Uint16Array;
	/** Softmax probability of that prediction, scaled to 0 … 255. */
	confidence: Uint8Array;
	/** 1 where pair i is in the training split. */
	isTrain: Uint8Array;
	/** Share of test / train pairs predicted correctly. */
	testCorrect: number;
	trainCorrect: number;
	/** Fourier power over k = 1 … K (index k−1) of the embedding columns E[:, d], summed over d. */
	embeddingPower: Float32Array;
	/** Fourier power of the neurons' input weights f_j(a), summed over neurons. */
	neuronPower: Float32Array;
	/** Fewest frequencies holding 90% of neuronPower / embeddingPower. */
	keyFrequencies: number;
	embeddingKeyFrequencies: number;
	/** Per neuron: dominant frequency (1 … K), power there, total power (its strength). */
	winner: Uint8Array;
	winnerPower: Float32Array;
	neuronStrength: Float32Array;
	/** f_j(a) quantised: weights[j·p + a] · weightScale[j]; the same for the initial weights. */
	weights: Int8Array;
	weightScale: Float32Array;
	initWeights: Int8Array;
	initScale: Float32Array;
	/** Share of alive neurons whose dominant frequency now is the one they had at step 0. */
	keepFromStart: number;
	/** The lottery between the early step (5% of the run) and now; null before the early step. */
	lottery: FrequencyLotteryStats | null;
	/** Each neuron's dominant frequency at the early step (null before it), and which neurons are alive now. */
	earlyWinner: Uint8Array | null;
	alive: Uint8Array;
}

/** Per-neuron Fourier picture of f = E·W1[:D, :] (p × H). */
export interface NeuronSpectra {
	winner: Uint8Array;
	winnerPower: Float32Array;
	strength: Float32Array;
	/** Summed over neurons (length K). */
	total: Float64Array;
	/** f, p × H row-major. */
	f: Float64Array;
}

/** f = E·W1[:D, :]: E is p × D, W1 is 2D × H (rows 0 … D−1 act on a). */
export function neuronInputWeights(E: ArrayLike<number>, W1: ArrayLike<number>, p: number, D: number, H: number): Float64Array {
	const f = new Float64Array(p * H);
	for (let a = 0; a < p; a++) {
		for (let d = 0; d < D; d++) {
			const e = E[a * D + d];
			if (e === 0) continue;
			const row = d * H;
			const o = a * H;
			for (let j = 0; j < H; j++) f[o + j] += e * W1[row + j];
		}
	}
	return f;
}

function neuronSpectra(basis: FourierBasis, E: ArrayLike<number>, W1: ArrayLike<number>, D: number, H: number): NeuronSpectra {
	const { p, K } = basis;
	const f = neuronInputWeights(E, W1, p, D, H);
	const winner = new Uint8Array(H);
	const winnerPower = new Float32Array(H);
	const strength = new Float32Array(H);
	const total = new Float64Array(K);
	const pw = new Float64Array(K);
	for (let j = 0; j < H; j++) {
		pw.fill(0);
		basis.addPower(f, j, H, pw);
		const k = dominantFrequency(pw);
		winner[j] = k;
		winnerPower[j] = pw[k - 1];
		let s = 0;
		for (let i = 0; i < K; i++) {
			s += pw[i];
			total[i] += pw[i];
		}
		strength[j] = s;
	}
	return { winner, winnerPower, strength, total, f };
}

/** f (p × H) as neuron-major int8 with one scale per neuron. */
export function quantiseNeurons(f: ArrayLike<number>, p: number, H: number): { weights: Int8Array; scale: Float32Array } {
	const weights = new Int8Array(p * H);
	const scale = new Float32Array(H);
	for (let j = 0; j < H; j++) {
		let m = 0;
		for (let a = 0; a < p; a++) m = Math.max(m, Math.abs(f[a * H + j]));
		const s = m > 0 ? m / 127 : 1;
		scale[j] = s;
		for (let a = 0; a < p; a++) weights[j * p + a] = Math.round(f[a * H + j] / s);
	}
	return { weights, scale };
}

/** Argmax prediction and its softmax probability per row of logits (n × p). */
export function predictions(logits: ArrayLike<number>, n: number, p: number): { prediction: Uint16Array; confidence: Uint8Array } {
	const prediction = new Uint16Array(n);
	const confidence = new Uint8Array(n);
	for (let i = 0; i < n; i++) {
		const o = i * p;
		let best = 0;
		for (let c = 1; c < p; c++) if (logits[o + c] > logits[o + best]) best = c;
		const m = logits[o + best];
		let z = 0;
		for (let c = 0; c < p; c++) z += Math.exp(logits[o + c] - m);
		prediction[i] = best;
		confidence[i] = Math.round(255 / z);
	}
	return { prediction, confidence };
}

/** Share of the listed pairs whose prediction equals their label. */
export function shareCorrect(prediction: ArrayLike<number>, label: ArrayLike<number>, indices: ArrayLike<number>): number {
	if (indices.length === 0) return NaN;
	let c = 0;
	for (let t = 0; t < indices.length; t++) if (prediction[indices[t]] === label[indices[t]]) c++;
	return c / indices.length;
}

interface EarlyRecord {
	step: number;
	winner: Uint8Array;
	winnerPower: Float32Array;
}

/**
 * Readouts of one run: keeps the initial neuron weights and the early winners between snapshots. The early step is
 * 5% of the preset's step budget (EARLY_FRACTION); the trainer snapshots there.
 */
export class GrokkingReadoutTracker implements EarlyMemory {
	readonly basis: FourierBasis;
	readonly earlyStep: number;
	private init: { weights: Int8Array; scale: Float32Array; winner: Uint8Array };
	private early: EarlyRecord | null = null;

	constructor(
		private readonly data: GrokkingData,
		private readonly D: number,
		private readonly H: number,
		steps: number,
		initialE: ArrayLike<number>,
		initialW1: ArrayLike<number>
	) {
		this.basis = new FourierBasis(data.p);
		this.earlyStep = Math.max(1, Math.round(EARLY_FRACTION * steps));
		const s = neuronSpectra(this.basis, initialE, initialW1, D, H);
		this.init = { ...quantiseNeurons(s.f, data.p, H), winner: s.winner };
	}

	update(step: number, E: ArrayLike<number>, W1: ArrayLike<number>, logits: ArrayLike<number>): GrokkingReadouts {
		const { data, D, H, basis } = this;
		const { p, K } = basis;
		const { prediction, confidence } = predictions(logits, p * p, p);
		const s = neuronSpectra(basis, E, W1, D, H);
		const emb = new Float64Array(K);
		for (let d = 0; d < D; d++) basis.addPower(E, d, D, emb);
		const q = quantiseNeurons(s.f, p, H);
		if (step === this.earlyStep) {
			this.early = { step, winner: s.winner.slice(), winnerPower: s.winnerPower.slice() };
		}
		const alive = aliveMask(s.strength);
		let n = 0;
		let kept = 0;
		for (let j = 0; j < H; j++) {
			if (!alive[j]) continue;
			n++;
			if (this.init.winner[j] === s.winner[j]) kept++;
		}
		const lottery =
			this.early && step >= this.early.step
				? frequencyLotteryStats(this.early.step, this.early.winner, this.early.winnerPower, s.winner, s.winnerPower, alive, K)
				: null;
		return {
			p,
			hidden: H,
			K,
			prediction,
			confidence,
			isTrain: data.isTrain.slice(),
			testCorrect: shareCorrect(prediction, data.label, data.test),
			trainCorrect: shareCorrect(prediction, data.label, data.train),
			embeddingPower: Float32Array.from(emb),
			neuronPower: Float32Array.from(s.total),
			keyFrequencies: keyFrequencyCount(s.total),
			embeddingKeyFrequencies: keyFrequencyCount(emb),
			winner: s.winner,
			winnerPower: s.winnerPower,
			neuronStrength: s.strength,
			weights: q.weights,
			weightScale: q.scale,
			initWeights: this.init.weights.slice(),
			initScale: this.init.scale.slice(),
			keepFromStart: n > 0 ? kept / n : NaN,
			lottery,
			earlyWinner: lottery && this.early ? this.early.winner.slice() : null,
			alive
		};
	}

	/** Plain data for checkpoints (the early record; the initial weights follow from the seed). */
	export(): EarlyRecord | null {
		return this.early ? { step: this.early.step, winner: this.early.winner.slice(), winnerPower: this.early.winnerPower.slice() } : null;
	}

	import(s: unknown): void {
		const e = s as EarlyRecord | null;
		this.early = e ? { step: e.step, winner: Uint8Array.from(e.winner), winnerPower: Float32Array.from(e.winnerPower) } : null;
	}

	reset(): void {
		this.early = null;
	}
}

/**
 * A one-layer Transformer for (a + b) mod p (the original grokking setting), added as a preset because, measured, it
 * groks within 2× the MLP's time on wasm (content/data/transformer-grokking.json, docs/theory.md §6).
 * Tokens a, b and '=' (vocabulary p + 1, one-hot matmuls: wasm has no gather gradient), learned positions, one
 * attention layer with H heads (no layer norm), a ReLU MLP of `hidden` units, unembedding read at '='.
 * With one layer only the '=' position reaches the readout, and its query is the same for every pair (the '=' token
 * at position 2), so only that query is computed; keys and values come from all three positions. The three-key
 * attention is written with small plain matmuls and same-shape products: the query folded into the keys (one d × H
 * matrix of scores per model dimension), the softmax over the three positions spelled out on [n, H] tensors, each
 * head's weight spread over its dh columns by a 0/1 matmul (batched matmuls' gradients ran ~10× slower on wasm, and
 * the previous stack/softmax/slice form spent ~40% of a step in strided slices, unstacking and broadcast products).
 * The probe reads the MLP's hidden units; its class prototypes are the rows of (W_out·W_U)ᵀ, the hidden units'
 * linear map to the logits (the residual's direct path r1·W_U is left out). The Fourier readouts see each MLP
 * neuron's input from a through the attention's value–output path: f_j(a) = W_E[a]·W_V·W_O·W_in[:, j].
 */
import * as tf from '@tensorflow/tfjs';
import type { GrokkingConfig } from './config';
import { denseRelu, matMul } from './fast-matmul';
import type { OneHotPairs } from './grokking-model';
import { normalInit } from './init';
import { Stream, streamRng } from './seeded';

/** Shapes of W_E, W_pos, W_Q, W_K, W_V, W_O, W_in, b_in, W_out, W_U, in the order the seeded init draws them. */
function shapes(cfg: GrokkingConfig): { shape: number[]; std: number }[] {
	const { p, embedDim: d, hidden: M } = cfg;
	const s = (fanIn: number) => 1 / Math.sqrt(fanIn);
	return [
		{ shape: [p + 1, d], std: s(d) },
		{ shape: [3, d], std: s(d) },
		{ shape: [d, d], std: s(d) },
		{ shape: [d, d], std: s(d) },
		{ shape: [d, d], std: s(d) },
		{ shape: [d, d], std: s(d) },
		{ shape: [d, M], std: s(d) },
		{ shape: [M], std: 0 },
		{ shape: [M, d], std: s(M) },
		{ shape: [d, p], std: s(d) }
	];
}

/** The seeded initial values as plain arrays (same seed → same weights on every backend). */
export function initialTransformerValues(cfg: GrokkingConfig, seed: number): Float32Array[] {
	const rng = streamRng(seed, Stream.init);
	return shapes(cfg).map(({ shape, std }) => {
		const n = shape.reduce((x, y) => x * y, 1);
		return std === 0 ? new Float32Array(n) : normalInit(rng, n, std);
	});
}

/** Row-major (r × k)·(k × c) in plain arrays. */
function mm(a: ArrayLike<number>, b: ArrayLike<number>, r: number, k: number, c: number): Float32Array {
	const out = new Float32Array(r * c);
	for (let i = 0; i < r; i++)
		for (let t = 0; t < k; t++) {
			const v = a[i * k + t];
			if (v === 0) continue;
			for (let j = 0; j < c; j++) out[i * c + j] += v * b[t * c + j];
		}
	return out;
}

/**
 * What the readouts read as "embedding" and "first layer": E = W_E's first p rows (p × d) and W1 = [M; M] (2d × hidden)
 * with M = W_V·W_O·W_in, so f = E·W1[:d, :] is each MLP neuron's value–output-path input from a (b is the same).
 */
export function transformerReadoutInputs(cfg: GrokkingConfig, values: ArrayLike<number>[]): { E: Float32Array; W1: Float32Array } {
	const { p, embedDim: d, hidden: H } = cfg;
	const [WE, , , , WV, WO, Win] = values;
	const E = Float32Array.from({ length: p * d }, (_, i) => WE[i]);
	const M = mm(mm(WV, WO, d, d, d), Win, d, d, H);
	const W1 = new Float32Array(2 * d * H);
	W1.set(M, 0);
	W1.set(M, d * H);
	return { E, W1 };
}

export class GrokkingTransformer {
	readonly vars: tf.Variable[];
	/** H × d, 1 where column k belongs to head h (k in h·dh … (h + 1)·dh − 1): spreads per-head weights over columns. */
	private readonly headSpread: tf.Tensor2D;

	constructor(private readonly cfg: GrokkingConfig) {
		const heads = cfg.heads ?? 1;
		if (!Number.isInteger(heads) || heads < 1 || cfg.embedDim % heads !== 0) {
			throw new Error(`transformer: heads must divide embedDim ${cfg.embedDim}, got ${heads}`);
		}
		this.vars = tf.tidy(() => shapes(cfg).map(({ shape }) => tf.variable(tf.zeros(shape))));
		const d = cfg.embedDim;
		const dh = d / heads;
		this.headSpread = tf.tensor2d(Float32Array.from({ length: heads * d }, (_, i) => (Math.floor((i % d) / dh) === Math.floor(i / d) ? 1 : 0)), [heads, d]);
	}

	get variables(): tf.Variable[] {
		return this.vars;
	}

	initialise(seed: number): void {
		const values = initialTransformerValues(this.cfg, seed);
		tf.tidy(() => this.vars.forEach((v, i) => v.assign(tf.tensor(values[i], v.shape))));
	}

	/** Hidden MLP units (n × hidden) and logits (n × p) at '=' for the pairs x. */
	forward(x: OneHotPairs): { hidden: tf.Tensor2D; logits: tf.Tensor2D } {
		const [WE, Wpos, WQ, WK, WV, WO, Win, bin, Wout, WU] = this.vars as unknown as tf.Tensor2D[];
		const { p, embedDim: d } = this.cfg;
		const H = this.cfg.heads ?? 1;
		const dh = d / H;
		const n = x.n;
		const pos = (i: number) => tf.slice(Wpos, [i, 0], [1, d]);
		const Ep = tf.slice(WE, [0, 0], [p, d]) as tf.Tensor2D;
		// A one-hot row picks one row of E + pos exactly, so the position is added to the p rows, not the n pairs.
		const xa = x.embedA(tf.add(Ep, pos(0)) as tf.Tensor2D);
		const xb = x.embedB(tf.add(Ep, pos(1)) as tf.Tensor2D);
		const xe = tf.add(tf.slice(WE, [p, 0], [1, d]), pos(2)) as tf.Tensor2D; // the '=' residual, the same for all pairs
		const q = tf.reshape(matMul(xe, WQ), [1, H, dh]);
		// score_h(t) = (t·W_K)_h · q_h / √dh = t · Kq[:, h], Kq = Σ_j W_K[:, h, j] q_hj / √dh (d × H).
		const Kq = tf.mul(tf.sum(tf.mul(tf.reshape(WK, [d, H, dh]), q), 2), 1 / Math.sqrt(dh)) as tf.Tensor2D;
		const sa = matMul(xa, Kq);
		const sb = matMul(xb, Kq);
		const se = tf.add(tf.zeros([n, H]), matMul(xe, Kq));
		// Softmax over the three positions, per pair and head.
		const m = tf.maximum(tf.maximum(sa, sb), se);
		const [ea, eb, ee] = [sa, sb, se].map((s) => tf.exp(tf.sub(s, m)));
		const total = tf.add(tf.add(ea, eb), ee);
		const spread = (e: tf.Tensor) => matMul(tf.div(e, total) as tf.Tensor2D, this.headSpread);
		const value = (t: tf.Tensor2D) => matMul(t, WV);
		// The '=' value is the same row for every pair: its term is (weights · spread rows scaled by it), one matmul.
		const ze = matMul(tf.div(ee, total) as tf.Tensor2D, tf.mul(this.headSpread, value(xe)) as tf.Tensor2D);
		const z = tf.addN([tf.mul(spread(ea), value(xa)), tf.mul(spread(eb), value(xb)), ze]) as tf.Tensor2D;
		const r1 = tf.add(xe, matMul(z, WO)) as tf.Tensor2D;
		const hidden = denseRelu(r1, Win, bin as unknown as tf.Tensor1D);
		const r2 = tf.add(r1, matMul(hidden, Wout)) as tf.Tensor2D;
		return { hidden, logits: matMul(r2, WU) };
	}

	/** (W_out·W_U)ᵀ: one row per class, in the hidden units' space (the probe's readout prototypes). */
	prototypes(): tf.Tensor2D {
		const Wout = this.vars[8] as unknown as tf.Tensor2D;
		const WU = this.vars[9] as unknown as tf.Tensor2D;
		return tf.transpose(tf.matMul(Wout, WU)) as tf.Tensor2D;
	}

	dispose(): void {
		tf.dispose(this.vars);
		this.headSpread.dispose();
	}
}

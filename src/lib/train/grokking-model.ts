/**
 * The grokking MLP: shared embedding E of a and b, concatenated, one ReLU hidden layer, linear readout:
 * h = ReLU([E_a, E_b]·W1 + b1),  logits = h·W2 + b2. The MLP computes its first layer as row lookups of E·[W1ᵃ | W1ᵇ]
 * (pair-layer.ts: no one-hot matmul); the one-hot embedding below remains for the Transformer's tokens.
 */
import * as tf from '@tensorflow/tfjs';
import type { GrokkingConfig } from './config';
import { constantLeftMatMul, dense } from './fast-matmul';
import { PairLayer } from './pair-layer';
import { normalInit, uniformInit } from './init';
import { Stream, streamRng } from './seeded';

/**
 * Constant one-hot inputs of a set of pairs (a_i, b_i), with the precomputed transpose (the Transformer's token
 * embeddings), and the MLP's first layer on the same pairs as row lookups (pair-layer.ts).
 */
export class OneHotPairs {
	readonly n: number;
	readonly layer: PairLayer;
	/**
	 * [E_a, E_b] (n × 2e) by one one-hot matmul: the rows of X are the one-hots of a0, b0, a1, b1, … so X·E (2n × e)
	 * reshapes to the concatenation (no concat, one matmul each way; tf.gather on wasm measured slower).
	 */
	readonly embed: (E: tf.Tensor2D) => tf.Tensor2D;
	private readonly X: tf.Tensor2D;
	private readonly Xt: tf.Tensor2D;

	constructor(a: Int32Array, b: Int32Array, p: number) {
		this.n = a.length;
		const ab = new Int32Array(2 * this.n);
		for (let i = 0; i < this.n; i++) {
			ab[2 * i] = a[i];
			ab[2 * i + 1] = b[i];
		}
		[this.X, this.Xt] = tf.tidy(() => {
			const X = tf.oneHot(tf.tensor1d(ab, 'int32'), p).toFloat() as tf.Tensor2D;
			return [X, tf.transpose(X)];
		});
		this.layer = new PairLayer(a, b, p);
		const lookup = constantLeftMatMul(this.X, this.Xt);
		const n = this.n;
		this.embed = (E) => tf.reshape(lookup(E), [n, 2 * E.shape[1]]);
	}

	/** E_a alone (n × e): the first half of embed's columns. */
	embedA(E: tf.Tensor2D): tf.Tensor2D {
		return tf.slice(this.embed(E), [0, 0], [this.n, E.shape[1]]);
	}

	/** E_b alone (n × e): the second half of embed's columns (the Transformer embeds a and b as separate tokens). */
	embedB(E: tf.Tensor2D): tf.Tensor2D {
		return tf.slice(this.embed(E), [0, E.shape[1]], [this.n, E.shape[1]]);
	}

	dispose(): void {
		tf.dispose([this.X, this.Xt]);
		this.layer.dispose();
	}
}

/** The seeded initial values of E, W1, b1, W2, b2 as plain arrays (also used by the readouts for the run's start). */
export function initialGrokkingValues(cfg: GrokkingConfig, seed: number): Float32Array[] {
	const { p, embedDim: e, hidden: H } = cfg;
	const rng = streamRng(seed, Stream.init);
	return [
		normalInit(rng, p * e, 1),
		uniformInit(rng, 2 * e * H, 1 / Math.sqrt(2 * e)),
		uniformInit(rng, H, 1 / Math.sqrt(2 * e)),
		uniformInit(rng, H * p, 1 / Math.sqrt(H)),
		uniformInit(rng, p, 1 / Math.sqrt(H))
	];
}

export class GrokkingModel {
	readonly E: tf.Variable;
	readonly W1: tf.Variable;
	readonly b1: tf.Variable;
	readonly W2: tf.Variable;
	readonly b2: tf.Variable;

	constructor(private readonly cfg: GrokkingConfig) {
		const { p, embedDim: e, hidden: H } = cfg;
		[this.E, this.W1, this.b1, this.W2, this.b2] = tf.tidy(() => [
			tf.variable(tf.zeros([p, e])),
			tf.variable(tf.zeros([2 * e, H])),
			tf.variable(tf.zeros([H])),
			tf.variable(tf.zeros([H, p])),
			tf.variable(tf.zeros([p]))
		]);
	}

	get variables(): tf.Variable[] {
		return [this.E, this.W1, this.b1, this.W2, this.b2];
	}

	/** Assign the seeded initial values (same seed → same weights on every backend). */
	initialise(seed: number): void {
		const values = initialGrokkingValues(this.cfg, seed);
		tf.tidy(() => this.variables.forEach((v, i) => v.assign(tf.tensor(values[i], v.shape))));
	}

	hidden(x: OneHotPairs): tf.Tensor2D {
		const E = this.E as unknown as tf.Tensor2D;
		return x.layer.hidden(E, this.W1 as unknown as tf.Tensor2D, this.b1 as unknown as tf.Tensor1D);
	}

	logits(h: tf.Tensor2D): tf.Tensor2D {
		return dense(h, this.W2 as unknown as tf.Tensor2D, this.b2 as unknown as tf.Tensor1D);
	}

	dispose(): void {
		tf.dispose(this.variables);
	}
}

/**
 * Mean softmax cross-entropy against one-hot targets Y, from one softmax (on wasm a vectorised kernel, ~5× faster
 * than tf.exp, which also ran twice in the autodiff of logSoftmax): with m the row max and p_max = 1/Σ_j e^{x_j − m}
 * the softmax at the arg max, log-sum-exp = m − log p_max, so loss_row = m − x_y − log p_max (p_max ≥ 1/classes:
 * no underflow). The gradient is (softmax − Y)/n. It differs from the tf.logSoftmax composition in the last float32
 * bits only; a seeded grokking-59 run follows the previous code's losses to 1e-5 relative for ~60 steps, then drifts
 * as fast as the old code does from a 1-ulp change of one initial weight (the dynamics' own sensitivity), and
 * groks at the same point (test accuracy ≥ 0.95 by step 1,300 in both; measured 2026-11-30, wasm).
 */
export function crossEntropy(logits: tf.Tensor2D, Y: tf.Tensor2D): tf.Scalar {
	// Y is a constant: closed over, so it gets no gradient.
	const f = tf.customGrad((...args: (tf.Tensor | ((t: tf.Tensor[]) => void))[]) => {
		const [x, save] = args as [tf.Tensor2D, (t: tf.Tensor[]) => void];
		const softmax = tf.softmax(x);
		save([softmax]);
		const picked = tf.sum(tf.mul(Y, x), 1);
		const lse = tf.sub(tf.max(x, 1), tf.log(tf.max(softmax, 1)));
		return {
			value: tf.mean(tf.sub(lse, picked)),
			gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => [tf.mul(tf.sub(saved[0], Y), tf.div(dy, Y.shape[0]))]
		};
	});
	return f(logits) as tf.Scalar;
}

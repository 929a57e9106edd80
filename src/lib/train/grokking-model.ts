/**
 * The grokking MLP: shared embedding E of a and b (one-hot matmuls — wasm has no gather gradient), concatenated,
 * one ReLU hidden layer, linear readout:  h = ReLU([E_a, E_b]·W1 + b1),  logits = h·W2 + b2.
 */
import * as tf from '@tensorflow/tfjs';
import type { GrokkingConfig } from './config';
import { constantLeftMatMul, matMul } from './fast-matmul';
import { normalInit, uniformInit } from './init';
import { Stream, streamRng } from './seeded';

/** Constant one-hot inputs of a set of pairs, with their precomputed transposes. */
export class OneHotPairs {
	readonly A: tf.Tensor2D;
	readonly B: tf.Tensor2D;
	readonly At: tf.Tensor2D;
	readonly Bt: tf.Tensor2D;
	readonly n: number;
	readonly embedA: (E: tf.Tensor2D) => tf.Tensor2D;
	readonly embedB: (E: tf.Tensor2D) => tf.Tensor2D;

	constructor(a: Int32Array, b: Int32Array, p: number) {
		this.n = a.length;
		[this.A, this.B, this.At, this.Bt] = tf.tidy(() => {
			const A = tf.oneHot(tf.tensor1d(a, 'int32'), p).toFloat() as tf.Tensor2D;
			const B = tf.oneHot(tf.tensor1d(b, 'int32'), p).toFloat() as tf.Tensor2D;
			return [A, B, tf.transpose(A), tf.transpose(B)];
		});
		this.embedA = constantLeftMatMul(this.A, this.At);
		this.embedB = constantLeftMatMul(this.B, this.Bt);
	}

	dispose(): void {
		tf.dispose([this.A, this.B, this.At, this.Bt]);
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
		const emb = tf.concat([x.embedA(E), x.embedB(E)], 1);
		return tf.relu(tf.add(matMul(emb, this.W1 as unknown as tf.Tensor2D), this.b1)) as tf.Tensor2D;
	}

	logits(h: tf.Tensor2D): tf.Tensor2D {
		return tf.add(matMul(h, this.W2 as unknown as tf.Tensor2D), this.b2) as tf.Tensor2D;
	}

	dispose(): void {
		tf.dispose(this.variables);
	}
}

/** Mean softmax cross-entropy against one-hot targets Y. */
export function crossEntropy(logits: tf.Tensor2D, Y: tf.Tensor2D): tf.Scalar {
	return tf.mean(tf.neg(tf.sum(tf.mul(Y, tf.logSoftmax(logits)), 1))) as tf.Scalar;
}

/** The SSL encoder: u = normalise(ReLU(x·W1 + b1)·W2 + b2), a two-layer MLP with an L2-normalised output. */
import * as tf from '@tensorflow/tfjs';
import type { SslConfig } from './config';
import { dense, denseRelu } from './fast-matmul';
import { uniformInit } from './init';
import { l2Normalise } from './nt-xent';
import { Stream, streamRng } from './seeded';

export class SslModel {
	readonly W1: tf.Variable;
	readonly b1: tf.Variable;
	readonly W2: tf.Variable;
	readonly b2: tf.Variable;

	constructor(private readonly cfg: SslConfig) {
		const { inputDim: d, hidden: H, embedDim: D } = cfg;
		[this.W1, this.b1, this.W2, this.b2] = tf.tidy(() => [
			tf.variable(tf.zeros([d, H])),
			tf.variable(tf.zeros([H])),
			tf.variable(tf.zeros([H, D])),
			tf.variable(tf.zeros([D]))
		]);
	}

	get variables(): tf.Variable[] {
		return [this.W1, this.b1, this.W2, this.b2];
	}

	/** Seeded PyTorch-default initialisation U(±1/√fan_in), identical on every backend. */
	initialise(seed: number): void {
		const { inputDim: d, hidden: H, embedDim: D } = this.cfg;
		const rng = streamRng(seed, Stream.init);
		const values = [
			uniformInit(rng, d * H, 1 / Math.sqrt(d)),
			uniformInit(rng, H, 1 / Math.sqrt(d)),
			uniformInit(rng, H * D, 1 / Math.sqrt(H)),
			uniformInit(rng, D, 1 / Math.sqrt(H))
		];
		tf.tidy(() => this.variables.forEach((v, i) => v.assign(tf.tensor(values[i], v.shape))));
	}

	/** Unit-norm embeddings of the rows of x. */
	embed(x: tf.Tensor2D): tf.Tensor2D {
		const h = denseRelu(x, this.W1 as unknown as tf.Tensor2D, this.b1 as unknown as tf.Tensor1D);
		return l2Normalise(dense(h, this.W2 as unknown as tf.Tensor2D, this.b2 as unknown as tf.Tensor1D));
	}

	dispose(): void {
		tf.dispose(this.variables);
	}
}

/**
 * The ReLU sparse autoencoder (docs/theory.md §6):  z = ReLU((x − b_d)·W_e + b_e),  x̂ = z·W_d + b_d,
 * decoder rows (the "columns" of the math convention) renormalised to unit length after every step,
 * loss = E‖x − x̂‖² + λ_1·E‖z‖₁.
 */
import * as tf from '@tensorflow/tfjs';
import type { SaeConfig } from './config';
import { centredDenseRelu, dense } from './fast-matmul';
import { uniformInit, unitRowsInit } from './init';
import { Stream, streamRng } from './seeded';

/** Unit rows of `rows`, keeping the fallback row where a sample is (near) zero. */
function normaliseRowsOrKeep(rows: Float32Array, fallback: Float32Array, m: number, d: number): Float32Array {
	const out = fallback.slice();
	for (let j = 0; j < m; j++) {
		let s = 0;
		for (let k = 0; k < d; k++) s += rows[j * d + k] ** 2;
		if (s < 1e-12) continue;
		const inv = 1 / Math.sqrt(s);
		for (let k = 0; k < d; k++) out[j * d + k] = rows[j * d + k] * inv;
	}
	return out;
}

export class SaeModel {
	/** Encoder d×m. */
	readonly We: tf.Variable;
	readonly be: tf.Variable;
	/** Decoder m×d, unit rows. */
	readonly Wd: tf.Variable;
	readonly bd: tf.Variable;

	constructor(private readonly cfg: SaeConfig) {
		const { inputDim: d, atoms: m } = cfg;
		[this.We, this.be, this.Wd, this.bd] = tf.tidy(() => [
			tf.variable(tf.zeros([d, m])),
			tf.variable(tf.zeros([m])),
			tf.variable(tf.zeros([m, d])),
			tf.variable(tf.zeros([d]))
		]);
	}

	get variables(): tf.Variable[] {
		return [this.We, this.be, this.Wd, this.bd];
	}

	/**
	 * Seeded initial values: unit random decoder rows, encoder U(±initScale/√d), zero biases.
	 * initScale = 1 is the usual initialisation (docs/theory.md §3: it reconstructs too large at first).
	 */
	initialise(seed: number, dataRows?: Float32Array): void {
		const { inputDim: d, atoms: m, initScale } = this.cfg;
		const rng = streamRng(seed, Stream.init);
		const values = [
			uniformInit(rng, d * m, initScale / Math.sqrt(d)),
			new Float32Array(m),
			unitRowsInit(rng, m, d),
			new Float32Array(d)
		];
		// decoderInit `data`: decoder rows are normalised training samples (m×d given by the trainer).
		if (dataRows) values[2] = normaliseRowsOrKeep(dataRows, values[2], m, d);
		tf.tidy(() => this.variables.forEach((v, i) => v.assign(tf.tensor(values[i], v.shape))));
	}

	codes(x: tf.Tensor2D): tf.Tensor2D {
		return centredDenseRelu(x, this.bd as unknown as tf.Tensor1D, this.We as unknown as tf.Tensor2D, this.be as unknown as tf.Tensor1D);
	}

	reconstruct(z: tf.Tensor2D): tf.Tensor2D {
		return dense(z, this.Wd as unknown as tf.Tensor2D, this.bd as unknown as tf.Tensor1D);
	}

	/** Mean squared reconstruction error per sample (summed over dims) and mean L1 of the codes. */
	losses(x: tf.Tensor2D): { mse: tf.Scalar; l1: tf.Scalar; z: tf.Tensor2D } {
		const z = this.codes(x);
		const err = tf.sub(x, this.reconstruct(z));
		return { mse: tf.mean(tf.sum(tf.square(err), 1)) as tf.Scalar, l1: tf.mean(tf.sum(z, 1)) as tf.Scalar, z };
	}

	/** Project the decoder rows back to unit norm (after each optimizer step). */
	normaliseDecoder(): void {
		tf.tidy(() => {
			// √Σ x² per row; tf.norm squares with tf.pow, which took ~8 ms per step for a 1024 × 512 decoder on wasm.
			const norms = tf.maximum(tf.sqrt(tf.sum(tf.square(this.Wd), 1, true)), 1e-12);
			this.Wd.assign(tf.div(this.Wd, norms));
		});
	}

	dispose(): void {
		tf.dispose(this.variables);
	}
}

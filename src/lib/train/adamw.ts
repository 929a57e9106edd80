/**
 * AdamW over a list of variables, written out so every term is explicit (docs/theory.md §6):
 *   g ← ∇L + σ·ξ,  ξ ~ N(0, 1) seeded per (run, step, variable)   — gradient noise
 *   m ← β1 m + (1 − β1) g,  v ← β2 v + (1 − β2) g²
 *   θ ← θ − lr·wd·θ − lr · m̂ / (√v̂ + ε)                           — decoupled weight decay (Loshchilov & Hutter)
 * ε is passed explicitly (tfjs' own Adam takes it from the backend: 1e-4 on WebGL).
 * The noise is drawn on the JS side so it is identical on every backend.
 */
import * as tf from '@tensorflow/tfjs';
import type { Hyper } from './config';
import { Stream, streamRng } from './seeded';

export interface AdamWSettings {
	beta1: number;
	beta2: number;
	epsilon: number;
}

/** Plain-data optimizer state (for checkpoints): moments per variable and the step count. */
export interface AdamWState {
	t: number;
	m: Float32Array[];
	v: Float32Array[];
}

/**
 * The moments live in one flat vector over all parameters (in variable order) and each update is one pass of
 * element-wise ops over the concatenation — the same per-element arithmetic in the same order as an update per
 * variable (bit for bit), in ~30 kernels instead of ~13 per variable.
 */
export class AdamW {
	private m: tf.Variable;
	private v: tf.Variable;
	private readonly sizes: number[];
	/** Number of updates applied (bias correction uses it). */
	t = 0;

	constructor(
		private readonly vars: tf.Variable[],
		private readonly settings: AdamWSettings
	) {
		this.sizes = vars.map((x) => x.size);
		const total = this.sizes.reduce((a, b) => a + b, 0);
		this.m = tf.tidy(() => tf.variable(tf.zeros([total]), false));
		this.v = tf.tidy(() => tf.variable(tf.zeros([total]), false));
	}

	private flat(xs: tf.Tensor[]): tf.Tensor1D {
		const parts = xs.map((x) => tf.reshape(x, [-1]));
		return (parts.length === 1 ? parts[0] : tf.concat(parts)) as tf.Tensor1D;
	}

	/**
	 * One update from `grads` (aligned with the variables). `noiseSeed`/`step` select the noise stream.
	 * Disposes nothing it does not own; call inside or outside a tidy.
	 */
	apply(grads: tf.Tensor[], hyper: Hyper, noiseSeed: number, step: number): void {
		const { beta1, beta2, epsilon } = this.settings;
		this.t += 1;
		const t = this.t;
		const stepSize = hyper.lr / (1 - Math.pow(beta1, t));
		const vCorrection = 1 / (1 - Math.pow(beta2, t));
		const decay = 1 - hyper.lr * hyper.weightDecay;
		tf.tidy(() => {
			let g = this.flat(grads);
			if (hyper.noise > 0) {
				// Drawn variable by variable, in order: the same stream as one draw per variable.
				const noiseRng = streamRng(noiseSeed, Stream.noise, step);
				const xi = new Float32Array(this.m.size);
				let o = 0;
				for (const n of this.sizes) {
					xi.set(noiseRng.normals(n, hyper.noise), o);
					o += n;
				}
				g = tf.add(g, tf.tensor1d(xi));
			}
			const m = tf.add(tf.mul(this.m, beta1), tf.mul(g, 1 - beta1));
			const v = tf.add(tf.mul(this.v, beta2), tf.mul(tf.square(g), 1 - beta2));
			this.m.assign(m);
			this.v.assign(v);
			const update = tf.div(tf.mul(m, stepSize), tf.add(tf.sqrt(tf.mul(v, vCorrection)), epsilon));
			const x = this.flat(this.vars);
			const decayed = decay === 1 ? x : tf.mul(x, decay);
			const next = tf.sub(decayed, update);
			const parts = this.vars.length === 1 ? [next] : tf.split(next, this.sizes);
			this.vars.forEach((x, i) => x.assign(tf.reshape(parts[i], x.shape)));
		});
	}

	private async perVariable(flat: tf.Tensor): Promise<Float32Array[]> {
		const all = (await flat.data()) as Float32Array;
		let o = 0;
		return this.sizes.map((n) => all.slice(o, (o += n)));
	}

	async exportState(): Promise<AdamWState> {
		return { t: this.t, m: await this.perVariable(this.m), v: await this.perVariable(this.v) };
	}

	importState(state: AdamWState): void {
		this.t = state.t;
		tf.tidy(() => {
			const join = (xs: Float32Array[]) => {
				const out = new Float32Array(this.m.size);
				let o = 0;
				xs.forEach((x) => {
					out.set(x, o);
					o += x.length;
				});
				return tf.tensor1d(out);
			};
			this.m.assign(join(state.m));
			this.v.assign(join(state.v));
		});
	}

	dispose(): void {
		tf.dispose([this.m, this.v]);
	}
}

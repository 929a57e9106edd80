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

export class AdamW {
	private m: tf.Variable[];
	private v: tf.Variable[];
	/** Number of updates applied (bias correction uses it). */
	t = 0;

	constructor(
		private readonly vars: tf.Variable[],
		private readonly settings: AdamWSettings
	) {
		this.m = vars.map((x) => tf.tidy(() => tf.variable(tf.zerosLike(x), false)));
		this.v = vars.map((x) => tf.tidy(() => tf.variable(tf.zerosLike(x), false)));
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
			const noiseRng = hyper.noise > 0 ? streamRng(noiseSeed, Stream.noise, step) : null;
			this.vars.forEach((x, i) => {
				let g = grads[i];
				if (noiseRng) g = tf.add(g, tf.tensor(noiseRng.normals(x.size, hyper.noise), x.shape));
				const m = tf.add(tf.mul(this.m[i], beta1), tf.mul(g, 1 - beta1));
				const v = tf.add(tf.mul(this.v[i], beta2), tf.mul(tf.square(g), 1 - beta2));
				this.m[i].assign(m);
				this.v[i].assign(v);
				const update = tf.div(tf.mul(m, stepSize), tf.add(tf.sqrt(tf.mul(v, vCorrection)), epsilon));
				const decayed = decay === 1 ? x : tf.mul(x, decay);
				x.assign(tf.sub(decayed, update));
			});
		});
	}

	async exportState(): Promise<AdamWState> {
		const m = await Promise.all(this.m.map((x) => x.data() as Promise<Float32Array>));
		const v = await Promise.all(this.v.map((x) => x.data() as Promise<Float32Array>));
		return { t: this.t, m: m.map((a) => a.slice()), v: v.map((a) => a.slice()) };
	}

	importState(state: AdamWState): void {
		this.t = state.t;
		tf.tidy(() => {
			this.m.forEach((x, i) => x.assign(tf.tensor(state.m[i], x.shape)));
			this.v.forEach((x, i) => x.assign(tf.tensor(state.v[i], x.shape)));
		});
	}

	dispose(): void {
		tf.dispose([...this.m, ...this.v]);
	}
}

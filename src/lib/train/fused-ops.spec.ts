import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { AdamW } from './adamw';
import { centredDenseRelu, dense, denseRelu } from './fast-matmul';
import { crossEntropy, OneHotPairs } from './grokking-model';
import { maxRelativeDifference } from './max-relative-difference';
import { useNodeBackend } from './node/node-backend';
import { Stream, streamRng } from './seeded';

/** The fused ops of the training step against tfjs' own autodiff of the plain composition (the previous code). */
async function expectClose(p: tf.Tensor, q: tf.Tensor, tol: number) {
	expect(await maxRelativeDifference(p, q)).toBeLessThanOrEqual(tol);
}

describe('fused training ops', () => {
	beforeAll(async () => {
		await useNodeBackend();
	});

	it('denseRelu and dense: values and all three gradients as relu(a·w + b) and a·w + b', async () => {
		const a = tf.randomNormal([37, 6], 0, 1, 'float32', 1) as tf.Tensor2D;
		const w = tf.randomNormal([6, 9], 0, 1, 'float32', 2) as tf.Tensor2D;
		const b = tf.randomNormal([9], 0, 1, 'float32', 3) as tf.Tensor1D;
		const probe = tf.randomNormal([37, 9], 0, 1, 'float32', 4);
		for (const [fast, plain] of [
			[denseRelu, (x: tf.Tensor2D, y: tf.Tensor2D, c: tf.Tensor1D) => tf.relu(tf.add(tf.matMul(x, y), c))],
			[dense, (x: tf.Tensor2D, y: tf.Tensor2D, c: tf.Tensor1D) => tf.add(tf.matMul(x, y), c)]
		] as const) {
			const loss = (f: typeof plain) => (x: tf.Tensor, y: tf.Tensor, c: tf.Tensor) =>
				tf.sum(tf.mul(probe, f(x as tf.Tensor2D, y as tf.Tensor2D, c as tf.Tensor1D)));
			const g1 = tf.grads(loss(fast))([a, w, b]);
			const g2 = tf.grads(loss(plain))([a, w, b]);
			const v1 = fast(a, w, b);
			const v2 = plain(a, w, b);
			// The fused kernel adds the bias inside the matmul (another rounding order): equal to float32 rounding.
			await expectClose(v1, v2, 1e-6);
			for (let i = 0; i < 3; i++) await expectClose(g1[i], g2[i], 1e-6);
			// Not a tautology: the ReLU mask matters for denseRelu's gradient.
			tf.dispose([...g1, ...g2, v1, v2]);
		}
		tf.dispose([a, w, b, probe]);
	});

	it('centredDenseRelu: value and the gradients of c, w, b as relu((x − c)·w + b) with x constant', async () => {
		const x = tf.randomNormal([37, 6], 0, 1, 'float32', 11) as tf.Tensor2D;
		const c = tf.randomNormal([6], 0, 1, 'float32', 12) as tf.Tensor1D;
		const w = tf.randomNormal([6, 9], 0, 1, 'float32', 13) as tf.Tensor2D;
		const b = tf.randomNormal([9], 0, 1, 'float32', 14) as tf.Tensor1D;
		const probe = tf.randomNormal([37, 9], 0, 1, 'float32', 15);
		const plain = (cc: tf.Tensor, ww: tf.Tensor, bb: tf.Tensor) => tf.relu(tf.add(tf.matMul(tf.sub(x, cc) as tf.Tensor2D, ww as tf.Tensor2D), bb));
		const fast = (cc: tf.Tensor, ww: tf.Tensor, bb: tf.Tensor) => centredDenseRelu(x, cc as tf.Tensor1D, ww as tf.Tensor2D, bb as tf.Tensor1D);
		const loss = (f: typeof plain) => (cc: tf.Tensor, ww: tf.Tensor, bb: tf.Tensor) => tf.sum(tf.mul(probe, f(cc, ww, bb)));
		const g1 = tf.grads(loss(fast))([c, w, b]);
		const g2 = tf.grads(loss(plain))([c, w, b]);
		const [v1, v2] = [fast(c, w, b), plain(c, w, b)];
		await expectClose(v1, v2, 1e-6);
		for (let i = 0; i < 3; i++) await expectClose(g1[i], g2[i], 1e-6);
		// Not a tautology: some units are off, so the ReLU mask shapes every gradient.
		expect((await v2.data()).some((y) => y === 0)).toBe(true);
		tf.dispose([x, c, w, b, probe, v1, v2, ...g1, ...g2]);
	});

	it('crossEntropy: value and gradient as mean(−Σ Y·logSoftmax), finite at margins where exp underflows', async () => {
		for (const spread of [1, 30, 200]) {
			const logits = tf.mul(tf.randomNormal([50, 7], 0, 1, 'float32', 5), spread) as tf.Tensor2D;
			const Y = tf.oneHot(tf.tensor1d(Array.from({ length: 50 }, (_, i) => (i * 3) % 7), 'int32'), 7).toFloat() as tf.Tensor2D;
			const plain = (x: tf.Tensor) => tf.mean(tf.neg(tf.sum(tf.mul(Y, tf.logSoftmax(x as tf.Tensor2D)), 1)));
			const fast = (x: tf.Tensor) => crossEntropy(x as tf.Tensor2D, Y);
			const [v1, v2] = [fast(logits), plain(logits)];
			const got = (await v1.data())[0];
			expect(Number.isFinite(got)).toBe(true);
			expect(Math.abs(got - (await v2.data())[0])).toBeLessThanOrEqual(2e-6 * Math.max(1, Math.abs(got)));
			const [g1, g2] = [tf.grad(fast)(logits), tf.grad(plain)(logits)];
			const [x, y] = [await g1.data(), await g2.data()];
			for (let i = 0; i < x.length; i++) expect(Math.abs(x[i] - y[i])).toBeLessThanOrEqual(1e-7);
			tf.dispose([logits, Y, v1, v2, g1, g2]);
		}
	});

	it('OneHotPairs.embed equals [E_a, E_b] and has the gradient of the concatenated one-hot matmuls', async () => {
		const p = 5;
		const a = [0, 1, 4, 2, 3, 3];
		const b = [4, 4, 0, 1, 2, 3];
		const pairs = new OneHotPairs(Int32Array.from(a), Int32Array.from(b), p);
		const A = tf.oneHot(tf.tensor1d(a, 'int32'), p).toFloat() as tf.Tensor2D;
		const B = tf.oneHot(tf.tensor1d(b, 'int32'), p).toFloat() as tf.Tensor2D;
		const E = tf.randomNormal([p, 3], 0, 1, 'float32', 6) as tf.Tensor2D;
		const probe = tf.randomNormal([6, 6], 0, 1, 'float32', 7);
		const fast = (e: tf.Tensor) => tf.sum(tf.mul(probe, pairs.embed(e as tf.Tensor2D)));
		const plain = (e: tf.Tensor) => tf.sum(tf.mul(probe, tf.concat([tf.matMul(A, e as tf.Tensor2D), tf.matMul(B, e as tf.Tensor2D)], 1)));
		const [e1, e2] = [pairs.embed(E), tf.concat([tf.matMul(A, E), tf.matMul(B, E)], 1)];
		await expectClose(e1, e2, 0);
		const [g1, g2] = [tf.grad(fast)(E), tf.grad(plain)(E)];
		await expectClose(g1, g2, 1e-6);
		tf.dispose([A, B, E, probe, e1, e2, g1, g2]);
		pairs.dispose();
	});

	it('AdamW over the concatenated parameters is bit for bit the update per variable (with noise and decay)', async () => {
		const settings = { beta1: 0.9, beta2: 0.98, epsilon: 1e-8 };
		const hyper = { lr: 3e-3, weightDecay: 1, noise: 0.01 };
		const shapes = [[4, 3], [7], [2, 5]];
		const init = shapes.map((s, i) => tf.randomNormal(s, 0, 1, 'float32', 10 + i));
		const xs = init.map((t) => tf.variable(t.clone()));
		const ref = init.map((t) => tf.variable(t.clone()));
		const m = ref.map((x) => tf.variable(tf.zerosLike(x)));
		const v = ref.map((x) => tf.variable(tf.zerosLike(x)));
		const opt = new AdamW(xs, settings);
		for (let step = 0; step < 4; step++) {
			const grads = shapes.map((s, i) => tf.randomNormal(s, 0, 1, 'float32', 100 * step + i));
			opt.apply(grads, hyper, 3, step);
			// The previous per-variable update, written out.
			const t = step + 1;
			const stepSize = hyper.lr / (1 - Math.pow(settings.beta1, t));
			const vCorrection = 1 / (1 - Math.pow(settings.beta2, t));
			const rng = streamRng(3, Stream.noise, step);
			tf.tidy(() =>
				ref.forEach((x, i) => {
					const g = tf.add(grads[i], tf.tensor(rng.normals(x.size, hyper.noise), x.shape));
					const mi = tf.add(tf.mul(m[i], settings.beta1), tf.mul(g, 1 - settings.beta1));
					const vi = tf.add(tf.mul(v[i], settings.beta2), tf.mul(tf.square(g), 1 - settings.beta2));
					m[i].assign(mi);
					v[i].assign(vi);
					const update = tf.div(tf.mul(mi, stepSize), tf.add(tf.sqrt(tf.mul(vi, vCorrection)), settings.epsilon));
					x.assign(tf.sub(tf.mul(x, 1 - hyper.lr * hyper.weightDecay), update));
				})
			);
			tf.dispose(grads);
		}
		for (let i = 0; i < xs.length; i++) expect(Array.from(await xs[i].data())).toEqual(Array.from(await ref[i].data()));
		const state = await opt.exportState();
		for (let i = 0; i < xs.length; i++) expect(Array.from(state.m[i])).toEqual(Array.from(await m[i].data()));
		tf.dispose([...init, ...xs, ...ref, ...m, ...v]);
		opt.dispose();
	});
});

import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { AdamW } from './adamw';
import { useNodeBackend } from './node/node-backend';

const settings = { beta1: 0.9, beta2: 0.98, epsilon: 1e-8 };

async function values(v: tf.Tensor): Promise<number[]> {
	return Array.from(await v.data());
}

describe('AdamW', () => {
	beforeAll(async () => {
		await useNodeBackend();
	});

	it('decays weights by exactly (1 − lr·wd) per step when the gradient is zero', async () => {
		const x = tf.variable(tf.tensor1d([1, -2, 3]));
		const opt = new AdamW([x], settings);
		const zero = tf.zeros([3]);
		for (let s = 0; s < 3; s++) opt.apply([zero], { lr: 0.1, weightDecay: 0.5, noise: 0 }, 1, s);
		const f = 0.95 ** 3;
		const got = await values(x);
		[1, -2, 3].forEach((v, i) => expect(got[i]).toBeCloseTo(v * f, 6));
		tf.dispose([x, zero]);
		opt.dispose();
	});

	it('decouples the decay from the adaptive step: θ ← θ(1 − lr·wd) − lr·sign(g) on the first step', async () => {
		const x = tf.variable(tf.tensor1d([1, -2, 3]));
		const opt = new AdamW([x], settings);
		const g = tf.tensor1d([2, -3, 0.001]);
		opt.apply([g], { lr: 0.01, weightDecay: 2, noise: 0 }, 1, 0);
		const got = await values(x);
		const expected = [1 * 0.98 - 0.01, -2 * 0.98 + 0.01, 3 * 0.98 - 0.01];
		expected.forEach((v, i) => expect(got[i]).toBeCloseTo(v, 5));
		tf.dispose([x, g]);
		opt.dispose();
	});

	it('adds seeded Gaussian noise to the gradient: reproducible per (seed, step), different across steps', async () => {
		const run = async (seed: number, steps: number[]) => {
			const x = tf.variable(tf.zeros([200]));
			const opt = new AdamW([x], settings);
			const zero = tf.zeros([200]);
			for (const s of steps) opt.apply([zero], { lr: 0.01, weightDecay: 0, noise: 0.5 }, seed, s);
			const out = await values(x);
			tf.dispose([x, zero]);
			opt.dispose();
			return out;
		};
		const a = await run(7, [0]);
		expect(await run(7, [0])).toEqual(a);
		expect(await run(8, [0])).not.toEqual(a);
		expect(await run(7, [1])).not.toEqual(a);
		// Adam's first step moves each coordinate by lr in the direction of its (pure-noise) gradient.
		for (const v of a) expect(Math.abs(Math.abs(v) - 0.01)).toBeLessThan(1e-5);
		const positive = a.filter((v) => v > 0).length;
		expect(positive).toBeGreaterThan(70);
		expect(positive).toBeLessThan(130);
	});

	it('round-trips its moments through export/import', async () => {
		const x = tf.variable(tf.tensor1d([1, 2]));
		const opt = new AdamW([x], settings);
		const g = tf.tensor1d([0.5, -1]);
		opt.apply([g], { lr: 0.01, weightDecay: 0, noise: 0 }, 1, 0);
		const state = await opt.exportState();
		const opt2 = new AdamW([x], settings);
		opt2.importState(state);
		const again = await opt2.exportState();
		expect(again.t).toBe(1);
		expect(Array.from(again.m[0])).toEqual(Array.from(state.m[0]));
		expect(Array.from(again.v[0])).toEqual(Array.from(state.v[0]));
		tf.dispose([x, g]);
		opt.dispose();
		opt2.dispose();
	});
});

import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { GrokkingModel, OneHotPairs } from './grokking-model';
import { makeGrokkingData } from './grokking-data';
import { matMul } from './fast-matmul';
import { useNodeBackend } from './node/node-backend';
import { SaeModel } from './sae-model';
import { tinyGrokking, tinySae } from './test-configs';

describe('models', () => {
	beforeAll(async () => {
		await useNodeBackend();
	});

	it('grokking MLP: hidden p²×H, logits p²×p, one-hot embedding equals a row lookup', async () => {
		const cfg = tinyGrokking();
		const model = new GrokkingModel(cfg);
		model.initialise(1);
		const data = makeGrokkingData(cfg.p, cfg.trainFraction, 1);
		const pairs = new OneHotPairs(data.a, data.b, cfg.p);
		const [h, logits, embedded, row] = tf.tidy(() => {
			const h = model.hidden(pairs);
			return [h, model.logits(h), pairs.embedA(model.E as unknown as tf.Tensor2D), tf.slice(model.E, [3, 0], [1, cfg.embedDim])];
		});
		expect(h.shape).toEqual([cfg.p * cfg.p, cfg.hidden]);
		expect(logits.shape).toEqual([cfg.p * cfg.p, cfg.p]);
		// Pair index 3·p + 5 has a = 3.
		const e = await embedded.data();
		const r = await row.data();
		const o = (3 * cfg.p + 5) * cfg.embedDim;
		for (let j = 0; j < cfg.embedDim; j++) expect(e[o + j]).toBeCloseTo(r[j], 6);
		expect(Math.min(...(await h.data()))).toBeGreaterThanOrEqual(0);
		tf.dispose([h, logits, embedded, row]);
		pairs.dispose();
		model.dispose();
	});

	it('fast matMul has the same value and gradients as tf.matMul', async () => {
		const a = tf.randomNormal([5, 4], 0, 1, 'float32', 1) as tf.Tensor2D;
		const b = tf.randomNormal([4, 3], 0, 1, 'float32', 2) as tf.Tensor2D;
		const f1 = (x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.square(matMul(x as tf.Tensor2D, y as tf.Tensor2D)));
		const f2 = (x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.square(tf.matMul(x as tf.Tensor2D, y as tf.Tensor2D)));
		const [ga1, gb1] = tf.grads(f1)([a, b]);
		const [ga2, gb2] = tf.grads(f2)([a, b]);
		const close = async (p: tf.Tensor, q: tf.Tensor) => {
			const [x, y] = [await p.data(), await q.data()];
			for (let i = 0; i < x.length; i++) expect(x[i]).toBeCloseTo(y[i], 4);
		};
		await close(ga1, ga2);
		await close(gb1, gb2);
		tf.dispose([a, b, ga1, gb1, ga2, gb2]);
	});

	it('SAE: codes n×m non-negative, reconstruction n×d, decoder rows unit after normalising', async () => {
		const cfg = tinySae();
		const model = new SaeModel(cfg);
		model.initialise(1);
		tf.tidy(() => model.Wd.assign(tf.mul(model.Wd, 3)));
		model.normaliseDecoder();
		const x = tf.randomUniform([10, cfg.inputDim], 0, 1, 'float32', 3) as tf.Tensor2D;
		const [z, xh, norms] = tf.tidy(() => {
			const z = model.codes(x);
			return [z, model.reconstruct(z), tf.norm(model.Wd, 'euclidean', 1)];
		});
		expect(z.shape).toEqual([10, cfg.atoms]);
		expect(xh.shape).toEqual([10, cfg.inputDim]);
		expect(Math.min(...(await z.data()))).toBeGreaterThanOrEqual(0);
		for (const n of await norms.data()) expect(n).toBeCloseTo(1, 5);
		tf.dispose([x, z, xh, norms]);
		model.dispose();
	});
});

import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { maxRelativeDifference } from './max-relative-difference';
import { useNodeBackend } from './node/node-backend';
import { PairLayer } from './pair-layer';

const relErr = maxRelativeDifference;

describe('PairLayer (the grokking MLP first layer as row lookups)', () => {
	beforeAll(async () => {
		await useNodeBackend();
	});

	// Pairs that use every class, one that never uses the last class as b (dT shorter than 2p, padded), and one
	// with a class missing in the middle.
	const cases: [string, number[], number[]][] = [
		['all classes', [0, 1, 4, 2, 3, 3, 1], [4, 4, 0, 1, 2, 3, 0]],
		['last class unused as b', [0, 4, 2, 3], [1, 0, 2, 3]],
		['a class unused', [0, 4, 4, 3], [1, 0, 4, 3]]
	];
	for (const [name, a, b] of cases) {
		it(`${name}: value and the gradients of E, W1, b1 equal the one-hot form relu([A·E, B·E]·W1 + b1)`, async () => {
			const [p, e, H, n] = [5, 3, 4, a.length];
			const layer = new PairLayer(Int32Array.from(a), Int32Array.from(b), p);
			const A = tf.oneHot(tf.tensor1d(a, 'int32'), p).toFloat() as tf.Tensor2D;
			const B = tf.oneHot(tf.tensor1d(b, 'int32'), p).toFloat() as tf.Tensor2D;
			const E = tf.randomNormal([p, e], 0, 1, 'float32', 1) as tf.Tensor2D;
			const W1 = tf.randomNormal([2 * e, H], 0, 1, 'float32', 2) as tf.Tensor2D;
			const b1 = tf.randomNormal([H], 0, 1, 'float32', 3) as tf.Tensor1D;
			const probe = tf.randomNormal([n, H], 0, 1, 'float32', 4);
			const plain = (x: tf.Tensor, w: tf.Tensor, c: tf.Tensor) =>
				tf.relu(tf.add(tf.matMul(tf.concat([tf.matMul(A, x as tf.Tensor2D), tf.matMul(B, x as tf.Tensor2D)], 1), w as tf.Tensor2D), c));
			const fast = (x: tf.Tensor, w: tf.Tensor, c: tf.Tensor) => layer.hidden(x as tf.Tensor2D, w as tf.Tensor2D, c as tf.Tensor1D);
			const [v1, v2] = [fast(E, W1, b1), plain(E, W1, b1)];
			expect(v1.shape).toEqual([n, H]);
			expect(await relErr(v1, v2)).toBeLessThanOrEqual(1e-6);
			const loss = (f: typeof plain) => (x: tf.Tensor, w: tf.Tensor, c: tf.Tensor) => tf.sum(tf.mul(probe, f(x, w, c)));
			const g1 = tf.grads(loss(fast))([E, W1, b1]);
			const g2 = tf.grads(loss(plain))([E, W1, b1]);
			for (let i = 0; i < 3; i++) expect(await relErr(g1[i], g2[i]), `gradient ${i}`).toBeLessThanOrEqual(1e-6);
			// Not a tautology: the ReLU mask is active somewhere, so the gradient depends on it.
			expect((await v2.data()).some((x) => x === 0)).toBe(true);
			tf.dispose([A, B, E, W1, b1, probe, v1, v2, ...g1, ...g2]);
			layer.dispose();
		});
	}

	it('leaves no tensor behind over repeated forward + backward passes', () => {
		const layer = new PairLayer(Int32Array.from([0, 1, 2]), Int32Array.from([2, 0, 1]), 3);
		const [E, W1, b1] = [tf.ones([3, 2]) as tf.Tensor2D, tf.ones([4, 5]) as tf.Tensor2D, tf.zeros([5]) as tf.Tensor1D];
		const before = tf.memory().numTensors;
		for (let i = 0; i < 20; i++) {
			tf.tidy(() => {
				tf.grads((x: tf.Tensor) => tf.sum(layer.hidden(x as tf.Tensor2D, W1, b1)))([E]);
			});
		}
		expect(tf.memory().numTensors).toBe(before);
		tf.dispose([E, W1, b1]);
		layer.dispose();
	});
});

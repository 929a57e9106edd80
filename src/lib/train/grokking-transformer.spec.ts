import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeGrokkingData } from './grokking-data';
import { OneHotPairs } from './grokking-model';
import { GrokkingTransformer, initialTransformerValues, transformerReadoutInputs } from './grokking-transformer';
import { GrokkingTrainer } from './grokking-trainer';
import { useNodeBackend } from './node/node-backend';
import { getPreset } from './presets';
import { tinyGrokking } from './test-configs';

beforeAll(async () => {
	await useNodeBackend('wasm');
});

const cfg = (heads = 2) => tinyGrokking({ arch: 'transformer', heads, embedDim: 8, hidden: 16 });

/** The full one-layer Transformer at '=' in plain arrays: all three positions, softmax attention per head. */
function referenceLogits(c: ReturnType<typeof cfg>, v: Float32Array[], a: number, b: number): number[] {
	const { p, embedDim: d, hidden: M } = c;
	const H = c.heads!;
	const dh = d / H;
	const [WE, Wpos, WQ, WK, WV, WO, Win, bin, Wout, WU] = v;
	const row = (W: Float32Array, i: number, n: number) => Array.from({ length: n }, (_, j) => W[i * n + j]);
	const vm = (x: number[], W: Float32Array, cols: number) => Array.from({ length: cols }, (_, j) => x.reduce((s, xi, i) => s + xi * W[i * cols + j], 0));
	const add = (x: number[], y: number[]) => x.map((xi, i) => xi + y[i]);
	const xs = [a, b, p].map((tok, i) => add(row(WE, tok, d), row(Wpos, i, d)));
	const q = vm(xs[2], WQ, d);
	const ks = xs.map((x) => vm(x, WK, d));
	const vs = xs.map((x) => vm(x, WV, d));
	const z = new Array<number>(d).fill(0);
	for (let h = 0; h < H; h++) {
		const sc = ks.map((k) => k.slice(h * dh, (h + 1) * dh).reduce((s, kv, i) => s + kv * q[h * dh + i], 0) / Math.sqrt(dh));
		const mx = Math.max(...sc);
		const e = sc.map((s) => Math.exp(s - mx));
		const tot = e.reduce((s, x) => s + x, 0);
		for (let i = 0; i < 3; i++) for (let t = 0; t < dh; t++) z[h * dh + t] += (e[i] / tot) * vs[i][h * dh + t];
	}
	const r1 = add(xs[2], vm(z, WO, d));
	const hid = add(vm(r1, Win, M), Array.from(bin)).map((x) => Math.max(0, x));
	const r2 = add(r1, vm(hid, Wout, d));
	return vm(r2, WU, p);
}

describe('the one-layer grokking Transformer', () => {
	it('computes the full attention layer’s logits at "=" (against a plain-array reference)', () => {
		const c = cfg(2);
		const values = initialTransformerValues(c, 3);
		// Larger weights than the init so the attention is far from uniform.
		const scaled = values.map((v) => v.map((x) => x * 3));
		const model = new GrokkingTransformer(c);
		tf.tidy(() => model.vars.forEach((v, i) => v.assign(tf.tensor(scaled[i], v.shape))));
		const pairs = [[0, 0], [3, 7], [10, 1], [5, 5]];
		const x = new OneHotPairs(Int32Array.from(pairs, (q) => q[0]), Int32Array.from(pairs, (q) => q[1]), c.p);
		const logits = tf.tidy(() => model.forward(x).logits).dataSync();
		pairs.forEach(([a, b], i) => {
			const ref = referenceLogits(c, scaled, a, b);
			for (let k = 0; k < c.p; k++) expect(logits[i * c.p + k]).toBeCloseTo(ref[k], 3);
		});
		x.dispose();
		model.dispose();
	});

	it('draws the same seeded init every time, different per seed; readout inputs are W_E[:p] and W_V·W_O·W_in', () => {
		const c = cfg(4);
		expect(initialTransformerValues(c, 1)).toEqual(initialTransformerValues(c, 1));
		expect(initialTransformerValues(c, 1)[0]).not.toEqual(initialTransformerValues(c, 2)[0]);
		const d = c.embedDim;
		const v = initialTransformerValues(c, 1);
		const eye = Float32Array.from({ length: d * d }, (_, i) => (i % (d + 1) === 0 ? 1 : 0));
		v[4] = eye; // W_V = I
		v[5] = eye; // W_O = I
		const { E, W1 } = transformerReadoutInputs(c, v);
		expect(Array.from(E)).toEqual(Array.from(v[0].slice(0, c.p * d)));
		expect(Array.from(W1.slice(0, d * c.hidden))).toEqual(Array.from(v[6]));
		expect(Array.from(W1.slice(d * c.hidden))).toEqual(Array.from(v[6]));
	});

	it('rejects heads that do not divide the model width', () => {
		expect(() => new GrokkingTransformer(tinyGrokking({ arch: 'transformer', heads: 3, embedDim: 8 }))).toThrow(/heads/);
	});

	it('trains in the grokking trainer: train accuracy rises, the table agrees with the accuracy, tensors stay flat', async () => {
		const c = { ...cfg(2), hyper: { lr: 1e-2, weightDecay: 0.1, noise: 0 } };
		const t = new GrokkingTrainer(c, 1);
		const first = await t.evaluate();
		t.train(1); // the first step creates the held loss tensor
		await t.readLoss();
		const before = tf.memory().numTensors;
		for (let k = 0; k < 6; k++) {
			t.train(25);
			await t.readLoss();
			await t.evaluate();
		}
		expect(tf.memory().numTensors).toBe(before);
		const last = await t.evaluate();
		if (first.metrics.kind !== 'grokking' || last.metrics.kind !== 'grokking') throw new Error('grokking metrics');
		expect(last.metrics.trainAcc).toBeGreaterThan(Math.max(0.5, first.metrics.trainAcc + 0.3));
		expect(last.metrics.readouts!.testCorrect).toBeCloseTo(last.metrics.testAcc, 10);
		expect(last.n).toBe(c.p * c.p);
		expect(last.d).toBe(c.hidden);
		expect(last.Z.length).toBe(c.p * c.p * c.hidden);
		if (last.betaSpec.mode !== 'readout') throw new Error('readout β');
		expect(last.betaSpec.W.length).toBe(c.p * c.hidden);
		t.dispose();
	});

	it('is a preset of the grokking toy with 4 heads', () => {
		const pr = getPreset('grokking-transformer', 'grokking').config;
		expect(pr.toy === 'grokking' && pr.arch === 'transformer' && pr.heads === 4).toBe(true);
	});
});

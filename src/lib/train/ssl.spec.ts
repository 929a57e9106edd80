import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTrainer } from './create-trainer';
import { knnAccuracy } from './knn';
import { useNodeBackend } from './node/node-backend';
import { l2Normalise, ntXent, selfMask } from './nt-xent';
import { Rng } from './seeded';
import { Session } from './session';
import { augmentImage, randomOrthogonal, syntheticDataset } from './ssl-data';
import { loadDigitsFromDisk } from './node/ssl-digits-node';
import { earlySnapshotSteps, SslTrainer } from './ssl-trainer';
import { tinySsl } from './test-configs';

/** NT-Xent in float64 on raw (unnormalised) rows E (2B×D): normalise, then the SimCLR loss written out term by term. */
function ntXentReference(E: Float64Array, B: number, D: number, tau: number): number {
	const n = 2 * B;
	const U = new Float64Array(n * D);
	for (let i = 0; i < n; i++) {
		let s = 0;
		for (let j = 0; j < D; j++) s += E[i * D + j] ** 2;
		for (let j = 0; j < D; j++) U[i * D + j] = E[i * D + j] / Math.sqrt(s);
	}
	const dot = (i: number, k: number) => {
		let s = 0;
		for (let j = 0; j < D; j++) s += U[i * D + j] * U[k * D + j];
		return s / tau;
	};
	let total = 0;
	for (let i = 0; i < n; i++) {
		const pos = i < B ? i + B : i - B;
		let z = 0;
		for (let k = 0; k < n; k++) if (k !== i) z += Math.exp(dot(i, k));
		total += -dot(i, pos) + Math.log(z);
	}
	return total / n;
}

describe('NT-Xent', () => {
	beforeAll(async () => {
		await useNodeBackend();
	});

	it('matches the float64 reference and its gradient matches central finite differences', () => {
		const B = 4;
		const D = 3;
		const tau = 0.5;
		const rng = new Rng(7);
		const E = Float64Array.from({ length: 2 * B * D }, () => rng.normal());
		const mask = selfMask(2 * B);
		const lossOf = (e: tf.Tensor2D) => ntXent(l2Normalise(e.slice([0, 0], [B, D])), l2Normalise(e.slice([B, 0], [B, D])), tau, mask);
		const e = tf.tensor2d(Float32Array.from(E), [2 * B, D]);
		const value = lossOf(e).dataSync()[0];
		expect(value).toBeCloseTo(ntXentReference(E, B, D, tau), 4);
		const grad = tf.grad((x) => lossOf(x as tf.Tensor2D))(e).dataSync();
		const h = 1e-5;
		let worst = 0;
		for (let i = 0; i < E.length; i++) {
			const plus = E.slice();
			const minus = E.slice();
			plus[i] += h;
			minus[i] -= h;
			const fd = (ntXentReference(plus, B, D, tau) - ntXentReference(minus, B, D, tau)) / (2 * h);
			worst = Math.max(worst, Math.abs(fd - grad[i]));
			expect(grad[i]).toBeCloseTo(fd, 3);
		}
		expect(worst).toBeLessThan(1e-3);
		// The check can fail: a wrong temperature gives a different loss.
		expect(Math.abs(ntXentReference(E, B, D, 2 * tau) - value)).toBeGreaterThan(1e-3);
		tf.dispose([mask, e]);
	});

	it('is lowest when the two views coincide and the samples are spread apart', () => {
		const mask = selfMask(4);
		const a = tf.tensor2d([1, 0, 0, 1], [2, 2]);
		const aligned = ntXent(a, a, 0.1, mask).dataSync()[0];
		const swapped = ntXent(a, tf.tensor2d([0, 1, 1, 0], [2, 2]), 0.1, mask).dataSync()[0];
		expect(aligned).toBeLessThan(swapped);
		tf.dispose([mask, a]);
	});
});

describe('kNN accuracy', () => {
	it('is 1 on separable clusters and near chance on shuffled labels', () => {
		const rng = new Rng(3);
		const d = 4;
		const dirs = [
			[1, 0, 0, 0],
			[0, 1, 0, 0],
			[0, 0, 1, 0]
		];
		const make = (n: number) => {
			const x = new Float32Array(n * d);
			const label = new Int16Array(n);
			for (let i = 0; i < n; i++) {
				const c = i % 3;
				label[i] = c;
				for (let j = 0; j < d; j++) x[i * d + j] = 5 * dirs[c][j] + 0.3 * rng.normal();
			}
			return { x, label };
		};
		const bank = make(90);
		const query = make(60);
		expect(knnAccuracy(bank.x, bank.label, query.x, query.label, d, 5)).toBe(1);
		const shuffled = rng.shuffle(Int16Array.from(bank.label));
		expect(knnAccuracy(bank.x, shuffled, query.x, query.label, d, 5)).toBeLessThan(0.7);
		expect(() => knnAccuracy(bank.x, bank.label, query.x, query.label, d, 0)).toThrow(/k must be/);
	});

	it('uses cosine similarity (scale-free) and the vote of k neighbours', () => {
		// Query near (1, 0): its single nearest neighbour is class 1, but 2 of its 3 nearest are class 0.
		const bank = Float32Array.from([1, 0.1, 10, 0.3, 1, 0.2, 0, 1]);
		const labels = Int16Array.from([1, 0, 0, 2]);
		const q = Float32Array.from([1, 0.1]);
		expect(knnAccuracy(bank, labels, q, Int16Array.from([1]), 2, 1)).toBe(1);
		expect(knnAccuracy(bank, labels, q, Int16Array.from([0]), 2, 3)).toBe(1);
	});
});

describe('SSL data', () => {
	it('synthetic: Q is orthogonal, views are a pure function of the step, raw kNN is far from perfect', () => {
		const Q = randomOrthogonal(6, new Rng(1));
		for (let i = 0; i < 6; i++) {
			for (let k = 0; k < 6; k++) {
				let s = 0;
				for (let j = 0; j < 6; j++) s += Q[i * 6 + j] * Q[k * 6 + j];
				expect(s).toBeCloseTo(i === k ? 1 : 0, 10);
			}
		}
		const cfg = tinySsl();
		const data = syntheticDataset(cfg, 1);
		expect(data.views(5)).toEqual(data.views(5));
		expect(data.views(5).a).not.toEqual(data.views(6).a);
		// Two views of one sample share the latent part but not the nuisance.
		expect(data.views(5).a).not.toEqual(data.views(5).b);
		const raw = knnAccuracy(data.bank.x, data.bank.label, data.heldOut.x, data.heldOut.label, cfg.inputDim, 5);
		expect(raw).toBeGreaterThan(1 / cfg.classes);
		expect(raw).toBeLessThan(0.8);
	});

	it('digits: 1797 images of 64 pixels; augmentations shift by at most 1 px and cut out a square', () => {
		const digits = loadDigitsFromDisk();
		expect(digits.n).toBe(1797);
		expect(digits.x.length).toBe(1797 * 64);
		expect(Math.max(...digits.label)).toBe(9);
		const img = new Float32Array(64);
		img[3 * 8 + 4] = 1;
		const out = new Float32Array(64);
		const aug = { shift: 1, noise: 0, cutout: 0, cutoutProb: 0 };
		const rng = new Rng(5);
		for (let t = 0; t < 20; t++) {
			augmentImage(img, 8, aug, rng, out, 0);
			const at = out.indexOf(1);
			expect(Math.abs((at % 8) - 4)).toBeLessThanOrEqual(1);
			expect(Math.abs(Math.floor(at / 8) - 3)).toBeLessThanOrEqual(1);
		}
		augmentImage(new Float32Array(64).fill(1), 8, { shift: 0, noise: 0, cutout: 3, cutoutProb: 1 }, rng, out, 0);
		expect(out.filter((v) => v === 0).length).toBe(9);
	});
});

describe('SSL trainer', () => {
	beforeAll(async () => {
		await useNodeBackend();
	});

	it('learns: kNN of the embeddings rises above the raw-input baseline; kernel β = 1/τ', async () => {
		const t = createTrainer(tinySsl(), 1) as SslTrainer;
		const before = await t.evaluate();
		t.train(150);
		const after = await t.evaluate();
		expect(after.betaSpec).toEqual({ mode: 'kernel', tau: 0.1 });
		expect(after.metrics.kind).toBe('ssl');
		if (after.metrics.kind === 'ssl' && before.metrics.kind === 'ssl') {
			expect(after.metrics.knnAcc).toBeGreaterThan(before.metrics.knnAcc + 0.2);
			expect(after.metrics.knnAcc).toBeGreaterThan(after.metrics.rawKnnAcc);
		}
		// The probe reads unit-norm embeddings.
		for (let i = 0; i < 5; i++) {
			let s = 0;
			for (let j = 0; j < after.d; j++) s += after.Z[i * after.d + j] ** 2;
			expect(s).toBeCloseTo(1, 4);
		}
		t.dispose();
	});

	it('is seeded: same seed → same curve; reset reproduces it; another seed differs', async () => {
		const curve = async (t: SslTrainer, n: number) => {
			const out: number[] = [];
			for (let i = 0; i < n; i++) {
				t.train(1);
				out.push(await t.readLoss());
			}
			return out;
		};
		const a = createTrainer(tinySsl(), 3) as SslTrainer;
		const b = createTrainer(tinySsl(), 3) as SslTrainer;
		const c = createTrainer(tinySsl(), 4) as SslTrainer;
		const la = await curve(a, 15);
		expect(await curve(b, 15)).toEqual(la);
		expect(await curve(c, 15)).not.toEqual(la);
		a.reset();
		expect(await curve(a, 15)).toEqual(la);
		[a, b, c].forEach((t) => t.dispose());
	});

	it('snapshots every 5 steps for the first 100, then every probeEvery; the tensor count stays flat', async () => {
		expect(earlySnapshotSteps(5, 100, 25)).toEqual([5, 10, 15, 20, 30, 35, 40, 45, 55, 60, 65, 70, 80, 85, 90, 95]);
		expect(earlySnapshotSteps(0, 100, 25)).toEqual([]);
		const session = new Session(tinySsl({ probeEvery: 25 }), 1, 8);
		const steps: number[] = [];
		let count: number | null = null;
		while (session.step < 400) {
			if (session.snapshotDue()) {
				steps.push((await session.snapshot()).step);
				if (session.step === 100) count = tf.memory().numTensors;
			}
			session.train(400);
			await session.health();
		}
		expect(steps.slice(0, 22)).toEqual([0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95, 100, 125]);
		await session.snapshot();
		expect(tf.memory().numTensors).toBe(count);
		session.dispose();
	});

	it('digits: raw-pixel kNN is already high; the trainer runs on the real images', async () => {
		loadDigitsFromDisk();
		const t = createTrainer(tinySsl({ data: 'digits', inputDim: 64, classes: 10, bankSize: 600, heldOut: 200 }), 1) as SslTrainer;
		expect(t.rawKnnAcc).toBeGreaterThan(0.9);
		t.train(5);
		const ev = await t.evaluate();
		expect(Number.isFinite(ev.metrics.kind === 'ssl' ? ev.metrics.loss : NaN)).toBe(true);
		t.dispose();
	});
});

describe('SSL worker preparation', () => {
	it('applies a clamped τ and derives the data root from the wasm folder', async () => {
		const { dataRootOf, prepareSsl } = await import('./worker/prepare-ssl');
		expect(dataRootOf('/base/wasm/')).toBe('/base/');
		expect(dataRootOf('/wasm/')).toBe('/');
		expect(dataRootOf('/wasm/', '/site')).toBe('/site/');
		for (const [asked, got] of [
			[0.3, 0.3],
			[-1, 0.02],
			[1e9, 2],
			[Number.NaN, 0.1]
		]) {
			const cfg = tinySsl();
			await prepareSsl(cfg, { tau: asked }, '/');
			expect(cfg.tau).toBe(got);
		}
		const other = { toy: 'sae' } as unknown as Parameters<typeof prepareSsl>[0];
		await prepareSsl(other, { tau: 0.3 }, '/');
		expect(other).toEqual({ toy: 'sae' });
	});
});

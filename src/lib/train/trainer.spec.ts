import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTrainer } from './create-trainer';
import { useNodeBackend } from './node/node-backend';
import { tinyGrokking, tinySae } from './test-configs';
import type { Trainer } from './trainer';

async function losses(t: Trainer, n: number): Promise<number[]> {
	const out: number[] = [];
	for (let i = 0; i < n; i++) {
		t.train(1);
		out.push(await t.readLoss());
	}
	return out;
}

const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;

describe('trainers', () => {
	beforeAll(async () => {
		await useNodeBackend();
	});

	it('grokking: the training loss decreases and the evaluation has the probe shapes', async () => {
		const t = createTrainer(tinyGrokking(), 1);
		const l = await losses(t, 150);
		expect(mean(l.slice(-10))).toBeLessThan(0.5 * mean(l.slice(0, 10)));
		const ev = await t.evaluate();
		expect(ev.n).toBe(121);
		expect(ev.d).toBe(32);
		expect(ev.Z.length).toBe(121 * 32);
		expect(ev.betaSpec.mode).toBe('readout');
		if (ev.betaSpec.mode === 'readout') expect(ev.betaSpec.W.length).toBe(11 * 32);
		expect(ev.metrics.kind).toBe('grokking');
		if (ev.metrics.kind === 'grokking') expect(ev.metrics.trainAcc).toBeGreaterThan(0.5);
		t.dispose();
	});

	it('SAE: the loss decreases; metrics and the residual β spec are reported', async () => {
		const t = createTrainer(tinySae(), 1);
		// The lottery's early purity is taken at 5% of the preset's steps (step 10 here).
		const first = await losses(t, 10);
		const early = await t.evaluate();
		if (early.metrics.kind === 'sae') expect(early.metrics.lottery?.earlyStep).toBe(10);
		const l = [...first, ...(await losses(t, 140))];
		expect(mean(l.slice(-20))).toBeLessThan(0.7 * mean(l.slice(0, 10)));
		const ev = await t.evaluate();
		expect(ev.betaSpec.mode).toBe('residual');
		expect(ev.metrics.kind).toBe('sae');
		if (ev.metrics.kind === 'sae') {
			expect(ev.metrics.purity.length).toBe(32);
			expect(ev.metrics.mmcs).toBeGreaterThan(0);
			expect(ev.metrics.mmcs).toBeLessThanOrEqual(1);
			expect(ev.metrics.lottery).not.toBeNull();
		}
		t.dispose();
	});

	it('is seeded: same seed → same curve and weights; reset reproduces it; another seed differs', async () => {
		for (const cfg of [tinyGrokking(), tinySae()]) {
			const a = createTrainer(cfg, 3);
			const b = createTrainer(cfg, 3);
			const la = await losses(a, 25);
			expect(await losses(b, 25)).toEqual(la);
			const [pa, pb] = [await a.exportState(), await b.exportState()];
			pa.params.forEach((p, i) => expect(Array.from(p)).toEqual(Array.from(pb.params[i])));
			a.reset();
			expect(await losses(a, 25)).toEqual(la);
			const c = createTrainer(cfg, 4);
			expect(await losses(c, 25)).not.toEqual(la);
			[a, b, c].forEach((t) => t.dispose());
		}
	});

	it('gradient noise is part of the seeded run', async () => {
		const cfg = tinyGrokking({ hyper: { lr: 3e-3, weightDecay: 1, noise: 0.01 } });
		const a = createTrainer(cfg, 2);
		const b = createTrainer(cfg, 2);
		expect(await losses(a, 10)).toEqual(await losses(b, 10));
		const quiet = createTrainer(tinyGrokking(), 2);
		expect(await losses(quiet, 10)).not.toEqual(await losses(createTrainer(cfg, 2), 10));
		[a, b, quiet].forEach((t) => t.dispose());
	});

	it('continues identically from a checkpoint (what a backend fallback relies on)', async () => {
		const cfg = tinyGrokking({ hyper: { lr: 3e-3, weightDecay: 1, noise: 0.001 } });
		const a = createTrainer(cfg, 5);
		await losses(a, 15);
		const cp = await a.exportState();
		const rest = await losses(a, 10);
		const b = createTrainer(cfg, 5);
		b.importState(cp);
		expect(b.step).toBe(15);
		expect(await losses(b, 10)).toEqual(rest);
		a.dispose();
		b.dispose();
	});

	it('records hyper-parameter changes with their step and rejects bad values', async () => {
		const t = createTrainer(tinyGrokking(), 1);
		t.train(7);
		expect(t.setHyper({ weightDecay: 0.3, lr: 3e-3 })).toEqual([{ step: 7, key: 'weightDecay', value: 0.3 }]);
		t.train(3);
		t.setHyper({ noise: 0.01 });
		expect(t.changes).toEqual([
			{ step: 7, key: 'weightDecay', value: 0.3 },
			{ step: 10, key: 'noise', value: 0.01 }
		]);
		expect(() => t.setHyper({ lr: -1 })).toThrow(/lr must be a finite number ≥ 0/);
		expect(() => t.setHyper({ noise: NaN })).toThrow(/noise/);
		t.dispose();
	});

	it('keeps the tensor count flat over 500 steps with evaluations', async () => {
		for (const cfg of [tinyGrokking(), tinySae()]) {
			const t = createTrainer(cfg, 1);
			t.train(10);
			await t.readLoss();
			await t.evaluate();
			const before = tf.memory().numTensors;
			for (let k = 0; k < 5; k++) {
				t.train(100);
				await t.readLoss();
				await t.evaluate();
				await t.weightNorm();
			}
			expect(tf.memory().numTensors).toBe(before);
			const base = tf.memory().numTensors;
			t.dispose();
			expect(tf.memory().numTensors).toBeLessThan(base);
		}
	});
});

import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeGrokkingData } from './grokking-data';
import { GrokkingReadoutTracker, neuronInputWeights, predictions, quantiseNeurons, shareCorrect } from './grokking-readouts';
import { GrokkingTrainer } from './grokking-trainer';
import { classificationMetrics } from './label-metrics';
import { useNodeBackend } from './node/node-backend';
import { Session } from './session';
import { tinyGrokking } from './test-configs';

/** E (p × D) and W1 (2D × H) such that neuron j's input weight is f_j(a) = amp_j·cos(2π k_j a/p + φ_j). */
function cosineNeurons(p: number, ks: number[], amps: number[], phases: number[]) {
	const D = 2 * ks.length;
	const H = ks.length;
	const E = new Float64Array(p * D);
	const W1 = new Float64Array(2 * D * H);
	ks.forEach((k, j) => {
		for (let a = 0; a < p; a++) {
			E[a * D + 2 * j] = Math.cos((2 * Math.PI * k * a) / p);
			E[a * D + 2 * j + 1] = Math.sin((2 * Math.PI * k * a) / p);
		}
		W1[2 * j * H + j] = amps[j] * Math.cos(phases[j]);
		W1[(2 * j + 1) * H + j] = -amps[j] * Math.sin(phases[j]);
	});
	return { E, W1, D, H };
}

describe('grokking readouts (plain arrays)', () => {
	it('computes f = E·W1[:D] and quantises it per neuron', () => {
		const p = 5;
		const D = 2;
		const H = 3;
		const E = Float64Array.from({ length: p * D }, (_, i) => (i % 7) - 3);
		const W1 = Float64Array.from({ length: 2 * D * H }, (_, i) => ((i * 5) % 11) / 10 - 0.5);
		const f = neuronInputWeights(E, W1, p, D, H);
		for (let a = 0; a < p; a++)
			for (let j = 0; j < H; j++) expect(f[a * H + j]).toBeCloseTo(E[a * D] * W1[j] + E[a * D + 1] * W1[H + j], 12);
		const q = quantiseNeurons(f, p, H);
		for (let a = 0; a < p; a++) for (let j = 0; j < H; j++) expect(q.weights[j * p + a] * q.scale[j]).toBeCloseTo(f[a * H + j], 1);
	});

	it('finds each constructed neuron’s frequency, the summed spectrum and the lottery between two weight sets', () => {
		const p = 31;
		const data = makeGrokkingData(p, 0.5, 1);
		const ks = [3, 3, 7, 11];
		const start = cosineNeurons(p, ks, [1, 1, 1, 1], [0, 0.5, 1, 2]);
		const tracker = new GrokkingReadoutTracker(data, start.D, start.H, 100, start.E, start.W1);
		expect(tracker.earlyStep).toBe(5);
		const logits = new Float64Array(p * p * p);
		const r0 = tracker.update(0, start.E, start.W1, logits);
		expect(Array.from(r0.winner)).toEqual(ks);
		expect(r0.keepFromStart).toBe(1);
		expect(r0.lottery).toBeNull();
		// Power of a cosine of amplitude 1 is (p/2)²; frequency 3 carries two neurons.
		expect(r0.neuronPower[2]).toBeCloseTo(2 * (p / 2) ** 2, 6);
		expect(r0.keyFrequencies).toBe(3);
		tracker.update(5, start.E, start.W1, logits);
		// Later: neurons 1 and 3 moved to frequency 9 (neuron 3 twice as strong).
		const later = cosineNeurons(p, [3, 9, 7, 9], [1, 1, 1, 2], [0, 0, 0, 0]);
		const r = tracker.update(50, later.E, later.W1, logits);
		expect(Array.from(r.winner)).toEqual([3, 9, 7, 9]);
		expect(r.lottery).not.toBeNull();
		expect(r.lottery!.keep).toBeCloseTo(0.5, 12);
		expect(r.lottery!.chance).toBeCloseTo(1 / 15, 12);
		expect(r.lottery!.distinct).toBe(3);
		expect(r.keepFromStart).toBeCloseTo(0.5, 12);
		// f_3 = 2cos → 4× the power of the others: 9 holds 5 of 7 parts.
		expect(r.neuronPower[8] / r.neuronPower[2]).toBeCloseTo(5, 6);
		// Initial weights travel unchanged with every snapshot.
		expect(Array.from(r.initWeights)).toEqual(Array.from(r0.initWeights));
		tracker.reset();
		expect(tracker.update(50, later.E, later.W1, logits).lottery).toBeNull();
	});

	it('counts correct cells exactly as the model’s own accuracy does', () => {
		const p = 13;
		const data = makeGrokkingData(p, 0.4, 2);
		let seed = 7;
		const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 4 - 2;
		const logits = Float32Array.from({ length: p * p * p }, rnd);
		// Make about half of the cells right.
		for (let i = 0; i < p * p; i += 2) logits[i * p + data.label[i]] += 10;
		const { prediction, confidence } = predictions(logits, p * p, p);
		const te = classificationMetrics(logits, p, data.label, data.test);
		const tr = classificationMetrics(logits, p, data.label, data.train);
		expect(shareCorrect(prediction, data.label, data.test)).toBeCloseTo(te.acc, 12);
		expect(shareCorrect(prediction, data.label, data.train)).toBeCloseTo(tr.acc, 12);
		expect(te.acc).toBeGreaterThan(0.3);
		expect(te.acc).toBeLessThan(0.7);
		// A +10 logit gives a confident prediction; uniform-ish rows do not.
		expect(confidence[0]).toBeGreaterThan(250);
		expect(Math.min(...Array.from(confidence))).toBeLessThan(128);
	});
});

describe('grokking readouts in the trainer (wasm)', () => {
	beforeAll(async () => {
		await useNodeBackend();
	});

	it('match the trainer’s accuracy, snapshot at 5% of the run, and keep the tensor count flat', async () => {
		const cfg = tinyGrokking({ probeEvery: 20, steps: 400 });
		const t = new GrokkingTrainer(cfg, 3);
		expect(t.extraSnapshotSteps()).toEqual([20]);
		const counts: number[] = [];
		for (let i = 0; i < 12; i++) {
			const ev = await t.evaluate();
			if (ev.metrics.kind !== 'grokking' || !ev.metrics.readouts) throw new Error('expected grokking readouts');
			const r = ev.metrics.readouts;
			expect(r.testCorrect).toBeCloseTo(ev.metrics.testAcc, 12);
			expect(r.trainCorrect).toBeCloseTo(ev.metrics.trainAcc, 12);
			expect(r.prediction.length).toBe(cfg.p * cfg.p);
			expect(r.winner.length).toBe(cfg.hidden);
			expect(r.lottery === null).toBe(t.step < 20);
			if (i === 0) expect(r.keepFromStart).toBe(1);
			t.train(20);
			await t.readLoss();
			counts.push(tf.memory().numTensors);
		}
		expect(new Set(counts.slice(1)).size, counts.join(',')).toBe(1);
		t.dispose();
	});

	it('keeps its early record across a checkpoint and clears it on reset', async () => {
		const s = new Session(tinyGrokking({ probeEvery: 10, steps: 200 }), 2);
		while (s.step < 30) {
			s.train(s.nextSnapshotStep() - s.step);
			await s.health();
			await s.snapshot();
		}
		const cp = await s.checkpoint();
		s.trainer.dispose();
		s.restore(cp);
		const snap = await (async () => {
			s.train(10);
			await s.health();
			return s.snapshot();
		})();
		if (snap.metrics.kind !== 'grokking') throw new Error('grokking');
		expect(snap.metrics.readouts?.lottery?.earlyStep).toBe(10);
		s.reset();
		const fresh = await s.snapshot();
		if (fresh.metrics.kind !== 'grokking') throw new Error('grokking');
		expect(fresh.metrics.readouts?.lottery).toBeNull();
		s.dispose();
	});
});

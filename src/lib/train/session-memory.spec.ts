import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from './node/node-backend';
import { Session } from './session';
import { tinyGrokking, tinySae } from './test-configs';

/**
 * The whole per-snapshot loop the worker runs (train, health check, probe snapshot, checkpoint, hyper changes)
 * must not leak: the tfjs tensor count stays flat over thousands of steps.
 */
describe('session memory', () => {
	beforeAll(async () => {
		await useNodeBackend();
	});

	it('keeps the tensor count flat over 3000 steps of training, probing, checkpoints and hyper changes', async () => {
		for (const cfg of [tinyGrokking({ probeEvery: 50 }), tinySae({ probeEvery: 50, steps: 3000 })]) {
			const s = new Session(cfg, 3);
			const counts: number[] = [];
			while (s.step < 3000) {
				s.train(s.nextSnapshotStep() - s.step);
				await s.health();
				await s.snapshot();
				if (s.step % 500 === 0) {
					s.setHyper({ weightDecay: (s.step / 500) % 2 ? 0.5 : 0.1, noise: 1e-4 });
					// as the worker's backend fallback does: checkpoint, drop the old trainer, rebuild from the checkpoint
					const cp = await s.checkpoint();
					s.trainer.dispose();
					s.restore(cp);
					counts.push(tf.memory().numTensors);
				}
			}
			expect(counts.length).toBe(6);
			expect(new Set(counts).size, `tensor counts ${counts.join(', ')}`).toBe(1);
			s.dispose();
		}
	}, 240_000);
});

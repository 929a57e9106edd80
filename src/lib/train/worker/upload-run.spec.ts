import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { chooseBackend, activateBackend } from './backend-ladder';
import { runHeadless } from '../node/headless';
import { Session } from '../session';
import { useNodeBackend } from '../node/node-backend';
import type { FromWorker, UploadMessage } from '../protocol';
import { RunController, type BackendProvider } from './run-controller';
import { uploadSaeConfig } from '../upload-config';
import { uploadFixtures } from '../upload-fixtures';
import { readUpload } from '../upload-validate';

const provider: BackendProvider = {
	choose: (config) => chooseBackend(config, { candidates: ['wasm', 'cpu'], timedSteps: 1 }),
	activate: activateBackend,
	watch: () => {}
};

/** Wait until the n-th `paused` message has arrived. */
async function pausedCount(messages: FromWorker[], n: number): Promise<void> {
	const t0 = Date.now();
	while (messages.filter((m) => m.type === 'paused').length < n) {
		if (Date.now() - t0 > 60_000) throw new Error('timed out waiting for a pause');
		await new Promise((r) => setTimeout(r, 10));
	}
}

function message(acts: Uint8Array, labels: Uint8Array | null, over: Partial<UploadMessage> = {}): UploadMessage {
	return {
		type: 'upload',
		activations: new Blob([acts.slice()]),
		labels: labels ? new Blob([labels.slice()]) : null,
		name: 'acts.npy',
		labelsName: labels ? 'labels.npy' : null,
		widthMultiple: 2,
		seed: 1,
		autoplay: false,
		...over
	};
}

describe('your activations: the worker and the CLI path', () => {
	beforeAll(async () => {
		await useNodeBackend();
	});
	const fixtures = uploadFixtures(256, 16);
	const valid = fixtures.find((f) => f.kind === null)!;

	it('a valid upload replaces the run: ready with the upload preset, then snapshots with label purity', async () => {
		const messages: FromWorker[] = [];
		const c = new RunController((m) => messages.push(m), provider, { statusEveryMs: 0 });
		await c.handle({ type: 'init', toy: 'grokking', preset: 'grokking-small', seed: 1, wasmPath: '' });
		await c.handle(message(valid.activations, valid.labels));
		const ready = messages.filter((m) => m.type === 'ready').at(-1)!;
		if (ready.type !== 'ready' || ready.config.toy !== 'sae') throw new Error('expected an SAE ready');
		expect(ready.preset.name).toBe('upload');
		expect(ready.config.inputDim).toBe(16);
		expect(ready.config.atoms).toBe(32);
		expect(ready.config.upload?.classes).toBe(4);
		await c.handle({ type: 'step', n: 20 });
		await pausedCount(messages, 1);
		const snaps = messages.flatMap((m) => (m.type === 'snapshot' && m.snapshot.toy === 'sae' ? [m.snapshot] : []));
		const last = snaps.at(-1)!;
		expect(last.step).toBe(20);
		expect(last.probe.betaMode).toBe('residual');
		if (last.metrics.kind !== 'sae') throw new Error('expected sae metrics');
		expect(Number.isNaN(last.metrics.mmcs)).toBe(true); // no true features in uploaded data
		expect(last.metrics.meanPurity).toBeGreaterThan(0.25); // 4 clusters: chance is 0.25
		expect(messages.some((m) => m.type === 'uploadRejected')).toBe(false);
		await c.handle({ type: 'dispose' });
	});

	it('a refused upload posts the reason and keeps the previous run where it was', async () => {
		const messages: FromWorker[] = [];
		const c = new RunController((m) => messages.push(m), provider, { statusEveryMs: 0 });
		await c.handle({ type: 'init', toy: 'grokking', preset: 'grokking-small', seed: 1, wasmPath: '' });
		await c.handle({ type: 'step', n: 10 });
		await pausedCount(messages, 1);
		const before = messages.length;
		for (const f of fixtures.filter((f) => f.kind !== null)) {
			await c.handle(message(f.activations, f.labels));
			const last = messages.at(-1)!;
			expect(last.type === 'uploadRejected' && last.kind).toBe(f.kind);
		}
		expect(messages.slice(before).every((m) => m.type === 'uploadRejected')).toBe(true);
		await c.handle({ type: 'step', n: 10 });
		await pausedCount(messages, 2);
		const snap = messages.filter((m) => m.type === 'snapshot').at(-1)!;
		expect(snap.type === 'snapshot' && [snap.snapshot.toy, snap.snapshot.step]).toEqual(['grokking', 20]);
		await c.handle({ type: 'dispose' });
	});

	it('refuses a file over 256 MB from its size, before reading it', async () => {
		const messages: FromWorker[] = [];
		const c = new RunController((m) => messages.push(m), provider, { statusEveryMs: 0 });
		await c.handle({ type: 'init', toy: 'grokking', preset: 'grokking-small', seed: 1, wasmPath: '' });
		const huge = { size: 300 * 1024 * 1024, arrayBuffer: () => Promise.reject(new Error('must not be read')) };
		await c.handle({ ...message(valid.activations, null), activations: Object.setPrototypeOf(huge, Blob.prototype) as Blob });
		const last = messages.at(-1)!;
		expect(last.type === 'uploadRejected' && last.kind).toBe('too-large');
		await c.handle({ type: 'dispose' });
	});

	it('keeps the tensor count flat over steps and snapshots, and frees everything on dispose', async () => {
		const data = readUpload(valid.activations, valid.labels);
		const before = tf.memory().numTensors;
		const session = new Session(uploadSaeConfig(data, 2, 400), 1, 2, data);
		const counts: number[] = [];
		for (let k = 0; k < 6; k++) {
			session.train(20);
			await session.health();
			await session.snapshot();
			counts.push(tf.memory().numTensors);
		}
		expect(new Set(counts.slice(1)).size).toBe(1);
		session.dispose();
		expect(tf.memory().numTensors).toBe(before);
	});

	it('reset replays the same run; a new seed draws other batches', async () => {
		const data = readUpload(valid.activations, valid.labels);
		const session = new Session(uploadSaeConfig(data, 2, 400), 1, 2, data);
		const run = async () => {
			session.train(15);
			await session.health();
			const s = await session.snapshot();
			return [s.probe.rho, s.metrics.kind === 'sae' ? s.metrics.mse : NaN];
		};
		const first = await run();
		session.reset();
		expect(await run()).toEqual(first);
		session.reseed(2);
		expect(await run()).not.toEqual(first);
		session.dispose();
	});

	it('headless (the CLI --data path) trains on the data and reports the lottery from the labels', async () => {
		const data = readUpload(valid.activations, valid.labels);
		const config = uploadSaeConfig(data, 2, 60);
		config.probeEvery = 20;
		const r = await runHeadless(config, 1, { steps: 60, data });
		expect(r.records.map((x) => x.step)).toEqual([0, 3, 20, 40, 60]);
		if (r.summary.toy !== 'sae') throw new Error('expected sae');
		expect(r.summary.lottery?.earlyStep).toBe(3);
		expect(r.summary.lottery?.baseline).toBeGreaterThan(0.25);
		expect(r.summary.mse).toBeLessThan(r.records[0].mse as number);
	});
});

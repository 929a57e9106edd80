import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { activateBackend, chooseBackend } from './backend-ladder';
import { useNodeBackend } from '../node/node-backend';
import type { FromWorker, Snapshot } from '../protocol';
import { RunController, type BackendProvider } from './run-controller';

/** Node provider: the measured ladder over wasm and cpu; `lose()` simulates a lost device. */
function nodeProvider() {
	let onLost: ((why: string) => void) | null = null;
	const provider: BackendProvider = {
		choose: (config) => chooseBackend(config, { candidates: ['wasm', 'cpu'], timedSteps: 1 }),
		activate: activateBackend,
		watch: (_name, cb) => {
			onLost = cb;
		}
	};
	return { provider, lose: (why: string) => onLost?.(why) };
}

function harness() {
	const messages: FromWorker[] = [];
	const { provider, lose } = nodeProvider();
	const c = new RunController((m) => messages.push(m), provider, { statusEveryMs: 0 });
	const of = <T extends FromWorker['type']>(type: T) =>
		messages.filter((m): m is Extract<FromWorker, { type: T }> => m.type === type);
	const snapshots = (): Snapshot[] => of('snapshot').map((m) => m.snapshot);
	/** Wait until a message matching the predicate arrives. */
	const waitFor = async (pred: (m: FromWorker) => boolean, ms = 60_000) => {
		const t0 = Date.now();
		for (;;) {
			const hit = messages.find(pred);
			if (hit) return hit;
			if (Date.now() - t0 > ms) throw new Error('timed out waiting for a message');
			await new Promise((r) => setTimeout(r, 10));
		}
	};
	return { c, messages, of, snapshots, waitFor, lose };
}

const init = { type: 'init', toy: 'grokking', preset: 'grokking-small', seed: 1, wasmPath: '' } as const;

describe('run controller (the worker logic)', () => {
	beforeAll(async () => {
		await useNodeBackend();
	});

	it('initialises on a measured backend, posts ready/run and a step-0 snapshot', async () => {
		const h = harness();
		await h.c.handle(init);
		const ready = h.of('ready')[0];
		expect(ready.backend).toBe('wasm');
		expect(ready.trials.find((t) => t.name === 'wasm')?.ok).toBe(true);
		expect(ready.backendReason).toMatch(/ms\/step/);
		expect(ready.preset.name).toBe('grokking-small');
		expect(h.of('run')[0].cause).toBe('init');
		const s0 = h.snapshots()[0];
		expect(s0.step).toBe(0);
		expect(s0.probe.betaMode).toBe('readout');
		expect(s0.probe.prototypes2d.length).toBe(2 * s0.probe.K);
		expect(s0.probe.points2d.length).toBe(2 * 300);
		expect(s0.probe.pointLabels.length).toBe(300);
		expect(s0.probe.pointTrain?.length).toBe(300);
		await h.c.handle({ type: 'dispose' });
	});

	it('steps N, probing every k and at the end; reset reproduces the same snapshots', async () => {
		const h = harness();
		await h.c.handle(init);
		await h.c.handle({ type: 'step', n: 30 });
		await h.waitFor((m) => m.type === 'paused');
		const first = h.snapshots().map((s) => [s.step, s.metrics.kind === 'grokking' ? s.metrics.trainLoss : 0, s.probe.rho]);
		expect(first.map((r) => r[0])).toEqual([0, 25, 30]);
		h.messages.length = 0;
		await h.c.handle({ type: 'reset' });
		expect(h.of('run')[0].cause).toBe('reset');
		await h.c.handle({ type: 'step', n: 30 });
		await h.waitFor((m) => m.type === 'paused');
		const again = h.snapshots().map((s) => [s.step, s.metrics.kind === 'grokking' ? s.metrics.trainLoss : 0, s.probe.rho]);
		expect(again).toEqual(first);
		await h.c.handle({ type: 'dispose' });
	});

	it('records hyper changes with their step; plays, pauses, pauses when hidden and resumes when visible', async () => {
		const h = harness();
		await h.c.handle(init);
		await h.c.handle({ type: 'step', n: 5 });
		await h.waitFor((m) => m.type === 'paused');
		await h.c.handle({ type: 'setHyper', hyper: { weightDecay: 0.3, noise: 0.001 } });
		await h.c.handle({ type: 'play' });
		await h.waitFor((m) => m.type === 'snapshot' && m.snapshot.step === 25);
		const s25 = h.snapshots().find((s) => s.step === 25)!;
		expect(s25.hyper.weightDecay).toBe(0.3);
		expect(s25.hyperChanges).toEqual([
			{ step: 5, key: 'weightDecay', value: 0.3 },
			{ step: 5, key: 'noise', value: 0.001 }
		]);
		await h.c.handle({ type: 'setVisibility', hidden: true });
		expect(h.of('paused').at(-1)?.reason).toBe('hidden');
		expect(h.c.isRunning).toBe(false);
		await h.c.handle({ type: 'setVisibility', hidden: false });
		expect(h.c.isRunning).toBe(true);
		await h.c.handle({ type: 'pause' });
		await h.c.idle();
		expect(h.of('paused').at(-1)?.reason).toBe('user');
		const status = h.of('status').at(-1)!;
		expect(status.running).toBe(false);
		expect(status.msPerStep).toBeGreaterThan(0);
		await h.c.handle({ type: 'history' });
		const hist = h.of('history')[0].snapshots;
		expect(hist.map((s) => s.step)).toEqual(h.snapshots().map((s) => s.step));
		await h.c.handle({ type: 'dispose' });
	});

	it('auto-pauses a diverging run with an explanation', async () => {
		const h = harness();
		await h.c.handle(init);
		await h.c.handle({ type: 'setHyper', hyper: { lr: 1e4 } });
		await h.c.handle({ type: 'play' });
		const p = await h.waitFor((m) => m.type === 'paused');
		if (p.type !== 'paused') throw new Error('unreachable');
		expect(['nan', 'diverged']).toContain(p.reason);
		expect(p.message).toMatch(/reset/);
		expect(h.c.isRunning).toBe(false);
		await h.c.handle({ type: 'dispose' });
	});

	it('pauses (does not blame the backend) when the probe cannot read collapsed hidden states, and reset recovers', async () => {
		const h = harness();
		await h.c.handle(init);
		const backend = h.of('ready')[0].backend;
		await h.c.handle({ type: 'setHyper', hyper: { lr: 0.3, weightDecay: 0 } });
		await h.c.handle({ type: 'play' });
		const p = await h.waitFor((m) => m.type === 'paused');
		if (p.type !== 'paused') throw new Error('unreachable');
		expect(['nan', 'diverged']).toContain(p.reason);
		expect(h.of('backend')).toEqual([]);
		await h.c.handle({ type: 'setHyper', hyper: { lr: 3e-3 } });
		await h.c.handle({ type: 'reset' });
		await h.c.handle({ type: 'step', n: 25 });
		await h.waitFor((m) => m.type === 'snapshot' && m.snapshot.step === 25 && h.of('run').length >= 2);
		expect(h.of('ready')[0].backend).toBe(backend);
		await h.c.handle({ type: 'dispose' });
	});

	it('falls back to the next backend on a lost device without losing the run', async () => {
		const h = harness();
		await h.c.handle(init);
		await h.c.handle({ type: 'step', n: 25 });
		await h.waitFor((m) => m.type === 'paused');
		const before = h.snapshots().at(-1)!;
		h.lose('simulated');
		await h.c.idle();
		const b = h.of('backend')[0];
		expect(b.fallbackFrom).toBe('wasm');
		expect(b.name).toBe('cpu');
		expect(tf.getBackend()).toBe('cpu');
		await h.c.handle({ type: 'step', n: 5 });
		await h.waitFor((m) => m.type === 'snapshot' && m.snapshot.step === 30);
		const after = h.snapshots().at(-1)!;
		expect(after.step).toBe(30);
		if (before.metrics.kind === 'grokking' && after.metrics.kind === 'grokking') {
			expect(after.metrics.trainLoss).toBeLessThan(before.metrics.trainLoss);
		}
		await h.c.handle({ type: 'dispose' });
		await activateBackend('wasm');
	});

	it('falls back while running and keeps training', async () => {
		const h = harness();
		await h.c.handle(init);
		await h.c.handle({ type: 'play' });
		await h.waitFor((m) => m.type === 'snapshot' && m.snapshot.step === 25);
		h.lose('simulated while running');
		await h.waitFor((m) => m.type === 'backend');
		const fallbackStep = h.snapshots().at(-1)!.step;
		await h.waitFor((m) => m.type === 'snapshot' && m.snapshot.step >= fallbackStep + 25);
		expect(h.c.isRunning).toBe(true);
		expect(tf.getBackend()).toBe('cpu');
		await h.c.handle({ type: 'pause' });
		// The steps since the last checkpoint are retrained, but no snapshot step is posted twice.
		const steps = h.snapshots().map((s) => s.step);
		expect(new Set(steps).size).toBe(steps.length);
		await h.c.handle({ type: 'dispose' });
		await activateBackend('wasm');
	});

	it('answers bad messages with one clear error', async () => {
		const h = harness();
		await h.c.handle({ type: 'play' });
		expect(h.of('error')[0].message).toMatch(/before "init"/);
		await h.c.handle({ ...init, preset: 'nope' });
		expect(h.of('error')[1].message).toMatch(/unknown preset "nope"/);
		await h.c.handle({ ...init, preset: 'sae' });
		expect(h.of('error')[2].message).toMatch(/is a sae preset/);
	});
});

import { beforeAll, describe, expect, it } from 'vitest';
import { activateBackend, chooseBackend } from './backend-ladder';
import { useNodeBackend } from '../node/node-backend';
import type { FromWorker, Snapshot } from '../protocol';
import { RunController, type BackendProvider } from './run-controller';

const provider: BackendProvider = {
	choose: (config) => chooseBackend(config, { candidates: ['wasm'], timedSteps: 1 }),
	activate: activateBackend,
	watch: () => {}
};

function harness() {
	const messages: FromWorker[] = [];
	const c = new RunController((m) => messages.push(m), provider, { statusEveryMs: 0 });
	const snapshots = (): Snapshot[] => messages.flatMap((m) => (m.type === 'snapshot' ? [m.snapshot] : []));
	const waitFor = async (pred: (m: FromWorker) => boolean) => {
		const t0 = Date.now();
		while (!messages.some(pred)) {
			if (Date.now() - t0 > 60_000) throw new Error('timed out waiting for a message');
			await new Promise((r) => setTimeout(r, 10));
		}
	};
	return { c, messages, snapshots, waitFor };
}

const init = { type: 'init', toy: 'grokking', preset: 'grokking-small', seed: 1, wasmPath: '' } as const;

describe('schedules in the worker', () => {
	beforeAll(async () => {
		await useNodeBackend();
	});

	it('applies the init schedule at its step while playing, and a reset replays it', async () => {
		const h = harness();
		await h.c.handle({ ...init, schedule: [{ step: 30, key: 'weightDecay', value: 0.25 }] });
		await h.c.handle({ type: 'step', n: 50 });
		await h.waitFor((m) => m.type === 'paused');
		const at = (step: number) => h.snapshots().find((s) => s.step === step)!;
		expect(at(25).hyper.weightDecay).toBe(1);
		expect(at(50).hyper.weightDecay).toBe(0.25);
		expect(at(50).hyperChanges).toEqual([{ step: 30, key: 'weightDecay', value: 0.25 }]);
		h.messages.length = 0;
		await h.c.handle({ type: 'reset' });
		expect(h.snapshots()[0].hyper.weightDecay).toBe(1);
		await h.c.handle({ type: 'step', n: 50 });
		await h.waitFor((m) => m.type === 'paused');
		expect(at(50).hyperChanges).toEqual([{ step: 30, key: 'weightDecay', value: 0.25 }]);
		await h.c.handle({ type: 'dispose' });
	});

	it('setSchedule replaces the schedule; a bad one is refused with an error and the run goes on', async () => {
		const h = harness();
		await h.c.handle(init);
		await h.c.handle({ type: 'setSchedule', schedule: [{ step: 10, key: 'noise', value: 0.001 }] });
		await h.c.handle({ type: 'setSchedule', schedule: [{ step: -1, key: 'noise', value: 0 }] as never });
		expect(h.messages.filter((m) => m.type === 'error').at(-1)).toMatchObject({ message: expect.stringMatching(/schedule: bad entry/) });
		await h.c.handle({ type: 'step', n: 25 });
		await h.waitFor((m) => m.type === 'paused');
		expect(h.snapshots().at(-1)!.hyperChanges).toEqual([{ step: 10, key: 'noise', value: 0.001 }]);
		await h.c.handle({ type: 'dispose' });
	});

	it('remembers a visibility message sent before init instead of answering with an error', async () => {
		const h = harness();
		await h.c.handle({ type: 'setVisibility', hidden: true });
		await h.c.handle({ ...init, autoplay: true });
		expect(h.messages.some((m) => m.type === 'error')).toBe(false);
		expect(h.messages.filter((m) => m.type === 'paused').at(-1)).toMatchObject({ reason: 'hidden' });
		expect(h.c.isRunning).toBe(false);
		await h.c.handle({ type: 'setVisibility', hidden: false });
		expect(h.c.isRunning).toBe(true);
		await h.c.handle({ type: 'dispose' });
	});
});

import { describe, expect, it } from 'vitest';
import { LabRun } from './lab-run.svelte';
import { fakeSnapshot } from './snapshot-fixture';
import type { TrainClient } from '$lib/train/worker/client';
import type { FromWorker, ToWorker } from '$lib/train/protocol';
import { getPreset } from '$lib/train/presets';

function fakeClient() {
	const sent: ToWorker[] = [];
	let listener: ((m: FromWorker) => void) | null = null;
	const client: TrainClient = {
		post: (m) => sent.push(m),
		onMessage: (cb) => ((listener = cb), () => (listener = null)),
		terminate: () => {}
	};
	return { client, sent, emit: (m: FromWorker) => listener?.(m) };
}

function ready(name = 'grokking-small'): FromWorker {
	const p = getPreset(name);
	return { type: 'ready', backend: 'wasm', backendReason: 'measured', trials: [], preset: p, config: p.config, seed: 1, ringCapacity: 3 };
}

describe('LabRun', () => {
	it('inits, then plays once ready, and buffers snapshots up to the worker ring capacity', () => {
		const f = fakeClient();
		const run = new LabRun(() => f.client);
		run.init({ toy: 'grokking', seed: 1, wasmPath: '/wasm/', play: true });
		expect(run.starting).toBe(true);
		expect(f.sent.map((m) => m.type)).toEqual(['init']);
		f.emit(ready());
		expect(f.sent.map((m) => m.type)).toEqual(['init', 'play']);
		f.emit({ type: 'run', seed: 1, cause: 'init' });
		for (const s of [0, 25, 50, 75]) f.emit({ type: 'snapshot', snapshot: fakeSnapshot(s) });
		expect(run.snapshots.map((s) => s.step)).toEqual([25, 50, 75]);
		f.emit({ type: 'status', running: true, step: 80, stepsPerSecond: 10, msPerStep: 100, msPerProbe: 5, tensors: 12 });
		expect(run.step).toBe(80);
		expect(run.running).toBe(true);
	});

	it('starts from URL hyper-parameters with a reset, not a logged change', () => {
		const f = fakeClient();
		const run = new LabRun(() => f.client);
		run.init({ toy: 'grokking', seed: 1, wasmPath: '/wasm/', hyper: { lr: 3e-3, weightDecay: 0.3, noise: 0 } });
		run.setHyper({ noise: 0.001 }); // moved during the warm-up
		f.emit(ready());
		expect(f.sent.slice(1)).toEqual([
			{ type: 'setHyper', hyper: { lr: 3e-3, weightDecay: 0.3, noise: 0.001 } },
			{ type: 'reset' }
		]);
	});

	it('keeps the pause reason until training runs again; clears the buffer on a new run', () => {
		const f = fakeClient();
		const run = new LabRun(() => f.client);
		run.init({ toy: 'grokking', seed: 1, wasmPath: '/wasm/' });
		f.emit(ready());
		f.emit({ type: 'snapshot', snapshot: fakeSnapshot(0) });
		f.emit({ type: 'paused', reason: 'nan', message: 'non-finite loss', step: 40 });
		expect(run.paused?.reason).toBe('nan');
		f.emit({ type: 'status', running: true, step: 41, stepsPerSecond: 1, msPerStep: 1, msPerProbe: 1, tensors: 1 });
		expect(run.paused).toBeNull();
		f.emit({ type: 'run', seed: 1, cause: 'reset' });
		expect(run.snapshots).toEqual([]);
	});

	it('scrubbing shows a buffered snapshot; play returns to the newest', () => {
		const f = fakeClient();
		const run = new LabRun(() => f.client);
		run.init({ toy: 'grokking', seed: 1, wasmPath: '/wasm/' });
		f.emit(ready());
		for (const s of [0, 25, 50]) f.emit({ type: 'snapshot', snapshot: fakeSnapshot(s) });
		run.scrub = 1;
		expect(run.shown?.step).toBe(25);
		run.play();
		expect(run.shown?.step).toBe(50);
	});
});

describe('LabRun: your activations', () => {
	it('posts the files to the worker; a refusal sets the reason and keeps the snapshots; acceptance clears it', () => {
		const f = fakeClient();
		const run = new LabRun(() => f.client);
		run.init({ toy: 'grokking', seed: 1, wasmPath: '/wasm/' });
		f.emit(ready());
		f.emit({ type: 'run', seed: 1, cause: 'init' });
		f.emit({ type: 'snapshot', snapshot: fakeSnapshot(25) });
		const files = { activations: new Blob([]), labels: null, name: 'a.npy', labelsName: null, widthMultiple: 2, seed: 1 };
		run.upload(files);
		expect(f.sent.at(-1)).toMatchObject({ type: 'upload', name: 'a.npy', widthMultiple: 2 });
		expect(run.uploading).toBe(true);
		f.emit({ type: 'uploadRejected', kind: 'too-few', message: 'a.npy has N = 10 rows; at least 64 are needed.' });
		expect(run.uploading).toBe(false);
		expect(run.uploadError).toMatch(/N = 10 rows/);
		expect(run.snapshots.map((s) => s.step)).toEqual([25]);
		run.upload(files);
		expect(run.uploadError).toBeNull();
		f.emit(ready('sae-small'));
		expect(run.uploading).toBe(false);
		expect(run.preset?.name).toBe('sae-small');
	});

	it('refuses to upload while the lab is still starting', () => {
		const f = fakeClient();
		const run = new LabRun(() => f.client);
		run.init({ toy: 'grokking', seed: 1, wasmPath: '/wasm/' });
		run.upload({ activations: new Blob([]), labels: null, name: 'a.npy', labelsName: null, widthMultiple: 2, seed: 1 });
		expect(f.sent.map((m) => m.type)).toEqual(['init']);
		expect(run.uploadError).toMatch(/still starting/);
	});
});

describe('LabRun: visibility and schedules', () => {
	it('is the one sender of visibility: holds a hidden tab back until ready, then sends it before play', () => {
		const f = fakeClient();
		const run = new LabRun(() => f.client);
		run.setVisibility(true); // before init: nothing to post to
		run.init({ toy: 'grokking', seed: 1, wasmPath: '/wasm/', play: true });
		run.setVisibility(true); // during the warm-up
		expect(f.sent.map((m) => m.type)).toEqual(['init']);
		f.emit(ready());
		expect(f.sent.map((m) => m.type)).toEqual(['init', 'setVisibility', 'play']);
		expect(f.sent[1]).toEqual({ type: 'setVisibility', hidden: true });
	});

	it('sends the schedule with init and on change, as plain data', () => {
		const f = fakeClient();
		const run = new LabRun(() => f.client);
		const schedule = [{ step: 1000, key: 'weightDecay' as const, value: 1 }];
		run.init({ toy: 'grokking', seed: 1, wasmPath: '/wasm/', schedule });
		expect(f.sent[0]).toMatchObject({ type: 'init', schedule });
		expect((f.sent[0] as { schedule: unknown }).schedule).not.toBe(schedule);
		f.emit(ready());
		run.setSchedule([{ step: 5, key: 'noise', value: 0 }]);
		expect(f.sent.at(-1)).toEqual({ type: 'setSchedule', schedule: [{ step: 5, key: 'noise', value: 0 }] });
		expect(() => structuredClone(f.sent)).not.toThrow();
	});
});

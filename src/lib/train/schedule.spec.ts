import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from './node/node-backend';
import { entriesAt, formatSchedule, nextScheduleStep, parseSchedule, validateSchedule } from './schedule';
import { Session } from './session';
import { tinyGrokking } from './test-configs';

const ranges = {
	weightDecay: { min: 0, max: 5 },
	noise: { min: 0, max: 0.02 },
	lr: { min: 1e-4, max: 0.1 }
};

describe('schedule text', () => {
	it('reads several entries, sorted by step', () => {
		const { schedule, dropped } = parseSchedule('noise@3000=0,weightDecay@1500=1', ranges);
		expect(dropped).toEqual([]);
		expect(schedule).toEqual([
			{ step: 1500, key: 'weightDecay', value: 1 },
			{ step: 3000, key: 'noise', value: 0 }
		]);
	});

	it('drops garbage and keeps the rest', () => {
		const { schedule, dropped } = parseSchedule('weightDecay@1500=1,foo@10=1,noise@-3=0,lr@12=abc,weightDecay@0=2,,lr@x=1,weightDecay@2.5=1', ranges);
		expect(schedule).toEqual([{ step: 1500, key: 'weightDecay', value: 1 }]);
		expect(dropped).toEqual(['foo@10=1', 'noise@-3=0', 'lr@12=abc', 'weightDecay@0=2', 'lr@x=1', 'weightDecay@2.5=1']);
		expect(parseSchedule(null, ranges)).toEqual({ schedule: [], dropped: [] });
		expect(parseSchedule('%%%', ranges).schedule).toEqual([]);
	});

	it('clamps values into the ranges; a later entry for the same key and step wins', () => {
		const { schedule } = parseSchedule('weightDecay@10=99,noise@20=-1,lr@30=1e-9,weightDecay@10=3', ranges);
		expect(schedule).toEqual([
			{ step: 10, key: 'weightDecay', value: 3 },
			{ step: 20, key: 'noise', value: 0 },
			{ step: 30, key: 'lr', value: 1e-4 }
		]);
		expect(parseSchedule('weightDecay@10=99', ranges).schedule[0].value).toBe(5);
	});

	it('keeps at most 8 entries', () => {
		const text = Array.from({ length: 12 }, (_, i) => `noise@${i + 1}=0`).join(',');
		const { schedule, dropped } = parseSchedule(text, ranges);
		expect(schedule.length).toBe(8);
		expect(dropped.length).toBe(4);
	});

	it('formats back to the same text', () => {
		const text = 'weightDecay@1500=1,noise@3000=0.001';
		expect(formatSchedule(parseSchedule(text, ranges).schedule)).toBe(text);
		expect(formatSchedule([])).toBe('');
	});

	it('knows which entries act at a step, the next boundary and the values in force', () => {
		const s = parseSchedule('weightDecay@100=1,noise@300=0.01,weightDecay@500=0.5', ranges).schedule;
		expect(entriesAt(s, 100).map((e) => e.key)).toEqual(['weightDecay']);
		expect(entriesAt(s, 101)).toEqual([]);
		expect(nextScheduleStep(s, 0)).toBe(100);
		expect(nextScheduleStep(s, 100)).toBe(300);
		expect(nextScheduleStep(s, 500)).toBe(Infinity);
	});

	it('validates a schedule from another thread with a clear error', () => {
		expect(validateSchedule([{ step: 5, key: 'noise', value: 0 }])).toEqual([{ step: 5, key: 'noise', value: 0 }]);
		expect(() => validateSchedule('x')).toThrow(/array/);
		expect(() => validateSchedule([{ step: 0, key: 'noise', value: 0 }])).toThrow(/bad entry/);
		expect(() => validateSchedule([{ step: 3, key: 'beta', value: 0 }])).toThrow(/bad entry/);
		expect(() => validateSchedule([{ step: 3, key: 'lr', value: 0 }])).toThrow(/bad entry/);
	});
});

describe('schedule in a training session', () => {
	beforeAll(async () => {
		await useNodeBackend();
	});

	it('applies an entry at exactly its step, and reset replays it from the original value', () => {
		const session = new Session(tinyGrokking({ hyper: { lr: 3e-3, weightDecay: 0, noise: 0 } }), 2, 4);
		session.schedule = [{ step: 7, key: 'weightDecay', value: 1.5 }];
		try {
			// A chunk stops at the schedule step even though the next snapshot is at 10.
			expect(session.train(100)).toBe(7);
			expect(session.hyper.weightDecay).toBe(0);
			expect(session.train(100)).toBe(3);
			expect(session.step).toBe(10);
			expect(session.hyper.weightDecay).toBe(1.5);
			expect(session.trainer.changes).toEqual([{ step: 7, key: 'weightDecay', value: 1.5 }]);
			session.reset();
			expect(session.hyper.weightDecay).toBe(0);
			expect(session.trainer.changes).toEqual([]);
			session.train(100);
			session.train(100);
			expect(session.trainer.changes).toEqual([{ step: 7, key: 'weightDecay', value: 1.5 }]);
			session.reseed(3);
			expect(session.hyper.weightDecay).toBe(0);
		} finally {
			session.dispose();
		}
	});

	it('a user change after the schedule fired becomes the value reset starts from', () => {
		const session = new Session(tinyGrokking({ hyper: { lr: 3e-3, weightDecay: 0, noise: 0 } }), 2, 4);
		session.schedule = [{ step: 3, key: 'weightDecay', value: 1 }];
		try {
			session.train(100);
			session.train(100);
			expect(session.hyper.weightDecay).toBe(1);
			session.setHyper({ weightDecay: 0.4 });
			session.reset();
			expect(session.hyper.weightDecay).toBe(0.4);
		} finally {
			session.dispose();
		}
	});
});

import { describe, expect, it } from 'vitest';
import { eventMarks, hyperMarks, stepMarks, withPlanned } from './chart-marks';

const events = { onset: 60.5, escape: 130, symmetryBreaking: null, lag: null, collapse: null, shape: 'full-v' as const, rhoMax: 3 };

describe('chart marks', () => {
	it('marks the events that happened', () => {
		expect(eventMarks(events).map((m) => [m.kind, m.step])).toEqual([
			['onset', 60.5],
			['escape', 130]
		]);
		expect(eventMarks(null)).toEqual([]);
	});

	it('keeps the last value of a key changed several times at one step', () => {
		const marks = hyperMarks([
			{ step: 100, key: 'weightDecay', value: 0.5 },
			{ step: 100, key: 'weightDecay', value: 0.25 },
			{ step: 100, key: 'lr', value: 0.001 },
			{ step: 200, key: 'weightDecay', value: 2 }
		]);
		expect(marks.map((m) => m.label)).toEqual(['wd = 0.25', 'lr = 0.001', 'wd = 2']);
	});

	it('staggers labels of neighbouring marks over rows', () => {
		const marks = stepMarks(events, [{ step: 70, key: 'noise', value: 0.01 }], 50);
		expect(marks.map((m) => [m.step, m.row])).toEqual([
			[60.5, 0],
			[70, 1],
			[130, 0]
		]);
	});
});

describe('planned schedule marks', () => {
	it('adds the schedule entries still ahead, and draws a fired one once', () => {
		const schedule = [{ step: 100, key: 'weightDecay' as const, value: 1 }, { step: 300, key: 'noise' as const, value: 0 }];
		expect(withPlanned([], schedule, 50).map((c) => c.step)).toEqual([100, 300]);
		const fired = [{ step: 100, key: 'weightDecay' as const, value: 1 }];
		const both = withPlanned(fired, schedule, 150);
		expect(both.map((c) => c.step)).toEqual([100, 300]);
		expect(hyperMarks(withPlanned(fired, schedule, 99)).map((m) => m.step)).toEqual([100, 300]);
		expect(withPlanned(fired, undefined, 0)).toEqual(fired);
	});
});

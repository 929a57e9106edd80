import { describe, expect, it } from 'vitest';
import { eventMarks, hyperMarks, stepMarks } from './chart-marks';

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

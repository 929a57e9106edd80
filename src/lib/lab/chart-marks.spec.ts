import { describe, expect, it } from 'vitest';
import { eventMarks, hyperMarks, MARK_ROWS, stepMarks, withPlanned } from './chart-marks';

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
		// 'ρ = 1' at 60.5 runs to 60.5 + 6 × 5 = 90.5: 'σ = 0.01' at 70 takes row 1; 'probe escape' at 130 fits row 0.
		const marks = stepMarks(events, [{ step: 70, key: 'noise', value: 0.01 }], 5);
		expect(marks.map((m) => [m.step, m.row])).toEqual([
			[60.5, 0],
			[70, 1],
			[130, 0]
		]);
	});

	it('never lets two labels overlap: a crowd beyond the rows keeps its lines and drops its labels', () => {
		// The lab at its limits: three sliders moved at once next to the events (the case that drew labels on top of each other).
		const crowded = { ...events, onset: 20, escape: 40, symmetryBreaking: 45, collapse: 48 };
		const changes = [
			{ step: 46, key: 'weightDecay' as const, value: 5 },
			{ step: 46, key: 'noise' as const, value: 0.02 },
			{ step: 46, key: 'lr' as const, value: 0.1 }
		];
		const perChar = 3;
		const marks = stepMarks(crowded, changes, perChar);
		expect(marks).toHaveLength(7);
		const labelled = marks.filter((m) => m.row >= 0);
		expect(new Set(labelled.map((m) => m.row)).size).toBe(MARK_ROWS); // every row in use
		for (const a of labelled) {
			for (const b of labelled) {
				if (a === b || a.row !== b.row) continue;
				const [first, second] = a.step <= b.step ? [a, b] : [b, a];
				expect(second.step).toBeGreaterThanOrEqual(first.step + (first.label.length + 1) * perChar);
			}
		}
		expect(marks.some((m) => m.row < 0)).toBe(true);
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

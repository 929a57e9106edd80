import { describe, expect, it } from 'vitest';
import { appendSnapshot } from './snapshot-buffer';
import { fakeSnapshot } from './snapshot-fixture';

const steps = (b: { step: number }[]) => b.map((s) => s.step);

describe('appendSnapshot', () => {
	it('appends and keeps the newest `capacity` snapshots', () => {
		let b = appendSnapshot([], fakeSnapshot(0), 3);
		for (const s of [25, 50, 75]) b = appendSnapshot(b, fakeSnapshot(s), 3);
		expect(steps(b)).toEqual([25, 50, 75]);
	});

	it('drops snapshots newer than a rewound one (backend fallback)', () => {
		let b = [0, 25, 50, 75].reduce((acc, s) => appendSnapshot(acc, fakeSnapshot(s), 10), [] as ReturnType<typeof appendSnapshot>);
		b = appendSnapshot(b, fakeSnapshot(50), 10);
		expect(steps(b)).toEqual([0, 25, 50]);
	});

	it('returns a new array (runes see the change)', () => {
		const a = [fakeSnapshot(0)];
		expect(appendSnapshot(a, fakeSnapshot(1), 5)).not.toBe(a);
	});
});

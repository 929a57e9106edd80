import { describe, expect, it } from 'vitest';
import { range, rhoAt } from './sweep-table';

describe('sweep tables', () => {
	it('formats ranges over seeds, missing events and partial presence', () => {
		expect(range([125, 150, 125])).toBe('125–150');
		expect(range([125, 125])).toBe('125');
		expect(range([null, null])).toBe('–');
		expect(range([1000, null, 1200])).toBe('1000–1200 (2/3)');
		expect(range([1.234, 1.236], 2)).toBe('1.23–1.24');
	});

	it('reads ρ at a step from a column trajectory', () => {
		const t = { step: [0, 25, 50], rho: [0.1, 0.5, 1.5] };
		expect(rhoAt(t, 30)).toBe(0.5);
		expect(rhoAt(t, 50)).toBe(1.5);
		expect(rhoAt(undefined, 50)).toBeNull();
	});
});

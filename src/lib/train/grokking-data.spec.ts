import { describe, expect, it } from 'vitest';
import { makeGrokkingData } from './grokking-data';

describe('modular-addition data', () => {
	it('labels every pair with (a + b) mod p and splits it by fraction, disjointly', () => {
		const d = makeGrokkingData(7, 0.4, 1);
		expect(d.a.length).toBe(49);
		for (let i = 0; i < 49; i++) expect(d.label[i]).toBe((d.a[i] + d.b[i]) % 7);
		expect(d.train.length).toBe(Math.round(0.4 * 49));
		expect(d.train.length + d.test.length).toBe(49);
		const all = new Set([...d.train, ...d.test]);
		expect(all.size).toBe(49);
		for (const i of d.train) expect(d.isTrain[i]).toBe(1);
		for (const i of d.test) expect(d.isTrain[i]).toBe(0);
	});

	it('is seeded: same seed same split, other seed other split', () => {
		expect(Array.from(makeGrokkingData(11, 0.5, 3).train)).toEqual(Array.from(makeGrokkingData(11, 0.5, 3).train));
		expect(Array.from(makeGrokkingData(11, 0.5, 3).train)).not.toEqual(Array.from(makeGrokkingData(11, 0.5, 4).train));
	});

	it('rejects bad input with one clear message', () => {
		expect(() => makeGrokkingData(1, 0.5, 1)).toThrow(/p must be an integer ≥ 2/);
		expect(() => makeGrokkingData(7, 1, 1)).toThrow(/trainFraction must be in \(0, 1\)/);
	});
});

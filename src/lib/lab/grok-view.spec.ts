import { describe, expect, it } from 'vitest';
import { clockPoints, lotterySeries, moveCell, parsePair, shares, strongestNeurons } from './grok-view';

describe('grok-view helpers', () => {
	it('orders neurons by strength and normalises spectra', () => {
		expect(strongestNeurons([1, 5, 3, 5], 3)).toEqual([1, 3, 2]);
		expect(shares([1, 3])).toEqual([0.25, 0.75]);
		expect(shares([0, 0])).toEqual([0, 0]);
	});

	it('moves the table cursor within 0 … p−1', () => {
		expect(moveCell(0, 0, 'ArrowLeft', 5)).toEqual({ a: 0, b: 0 });
		expect(moveCell(4, 2, 'ArrowRight', 5)).toEqual({ a: 4, b: 2 });
		expect(moveCell(1, 2, 'ArrowDown', 5)).toEqual({ a: 1, b: 3 });
		expect(moveCell(1, 2, 'End', 5)).toEqual({ a: 4, b: 2 });
		expect(moveCell(1, 2, 'x', 5)).toBeNull();
	});

	it('puts a = 0 at 12 o’clock on a circle whose radius follows the weight', () => {
		const pts = clockPoints([1, 0, -1, 0], 10, 5);
		expect(pts[0][0]).toBeCloseTo(0, 12);
		expect(pts[0][1]).toBeCloseTo(-15, 12);
		expect(pts[1][0]).toBeCloseTo(10, 12);
		expect(pts[2][1]).toBeCloseTo(5, 12);
	});

	it('accepts whole numbers in range and explains anything else', () => {
		expect(parsePair('3', ' 4 ', 7)).toEqual({ a: 3, b: 4 });
		expect(parsePair('7', '1', 7)).toEqual({ error: expect.stringMatching(/between 0 and 6/) });
		expect(parsePair('2.5', '1', 7)).toEqual({ error: expect.stringMatching(/whole number/) });
		expect(parsePair('', '1', 7)).toEqual({ error: 'Enter a.' });
	});

	it('collects the live keep-shares, NaN before the early step, skipping snapshots without readouts', () => {
		const snap = (step: number, keep: number | null) =>
			({ step, metrics: { kind: 'grokking', readouts: { keyFrequencies: 20 - step / 10, keepFromStart: 0.1, lottery: keep === null ? null : { keep } } } }) as never;
		const sae = { step: 5, metrics: { kind: 'sae' } } as never;
		const s = lotterySeries([snap(0, null), sae, snap(50, 0.4)]);
		expect(s.steps).toEqual([0, 50]);
		expect(s.keep[0]).toBeNaN();
		expect(s.keep[1]).toBe(0.4);
		expect(s.key).toEqual([20, 15]);
	});
});

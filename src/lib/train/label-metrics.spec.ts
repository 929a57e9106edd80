import { describe, expect, it } from 'vitest';
import { classificationMetrics, rowCentred, withinTotalRatio } from './label-metrics';

describe('label metrics', () => {
	it('W/T is 0 for collapsed classes, 1 when class means coincide', () => {
		const X = [1, 1, 1, 1, 5, 5, 5, 5];
		expect(withinTotalRatio(X, 4, 2, [0, 0, 1, 1])).toBe(0);
		const Y = [1, 0, -1, 0, 1, 0, -1, 0];
		expect(withinTotalRatio(Y, 4, 2, [0, 0, 1, 1])).toBeCloseTo(1, 12);
		expect(withinTotalRatio(X, 4, 2, [-1, -1, -1, -1])).toBeNaN();
	});

	it('row-centring removes a per-input common-mode shift that softmax ignores', () => {
		// Two classes, perfectly separated logits plus a large per-input shift.
		const logits = [2, -2, 2 + 100, -2 + 100, -2 + 50, 2 + 50, -2, 2];
		const labels = [0, 0, 1, 1];
		expect(withinTotalRatio(logits, 4, 2, labels)).toBeGreaterThan(0.5);
		expect(withinTotalRatio(rowCentred(logits, 4, 2), 4, 2, labels)).toBeCloseTo(0, 12);
		expect(Array.from(rowCentred([1, 3], 1, 2))).toEqual([-1, 1]);
	});

	it('computes cross-entropy and accuracy over the listed rows', () => {
		const logits = [0, 0, Math.log(3), 0];
		const r = classificationMetrics(logits, 2, [1, 0], [0, 1]);
		expect(r.acc).toBe(0.5); // row 0 ties → argmax 0 ≠ 1; row 1 correct
		expect(r.loss).toBeCloseTo((Math.log(2) + Math.log(4 / 3)) / 2, 12);
		expect(classificationMetrics(logits, 2, [1, 0], [1]).acc).toBe(1);
	});
});

import { describe, expect, it } from 'vitest';
import { classificationMetrics, withinTotalRatio } from './label-metrics';

describe('label metrics', () => {
	it('W/T is 0 for collapsed classes, 1 when class means coincide', () => {
		const X = [1, 1, 1, 1, 5, 5, 5, 5];
		expect(withinTotalRatio(X, 4, 2, [0, 0, 1, 1])).toBe(0);
		const Y = [1, 0, -1, 0, 1, 0, -1, 0];
		expect(withinTotalRatio(Y, 4, 2, [0, 0, 1, 1])).toBeCloseTo(1, 12);
		expect(withinTotalRatio(X, 4, 2, [-1, -1, -1, -1])).toBeNaN();
	});

	it('computes cross-entropy and accuracy over the listed rows', () => {
		const logits = [0, 0, Math.log(3), 0];
		const r = classificationMetrics(logits, 2, [1, 0], [0, 1]);
		expect(r.acc).toBe(0.5); // row 0 ties → argmax 0 ≠ 1; row 1 correct
		expect(r.loss).toBeCloseTo((Math.log(2) + Math.log(4 / 3)) / 2, 12);
		expect(classificationMetrics(logits, 2, [1, 0], [1]).acc).toBe(1);
	});
});

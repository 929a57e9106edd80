import { describe, expect, it } from 'vitest';
import { labSeries } from './lab-series';
import { fakeSnapshot } from './snapshot-fixture';

describe('labSeries', () => {
	it('reads grokking metrics and probe values per snapshot', () => {
		const s = labSeries([fakeSnapshot(0, 'grokking', 0.5), fakeSnapshot(25, 'grokking', 1.5)]);
		expect(s.steps).toEqual([0, 25]);
		expect(s.rho).toEqual([0.5, 1.5]);
		expect(s.hessianMin).toEqual([(1 - 0.5) / 8, (1 - 1.5) / 8]);
		expect(s.trainAcc).toEqual([0.9, 0.9]);
		expect(s.testLoss).toEqual([2, 2 / 26]);
		expect(s.mse.every(Number.isNaN)).toBe(true);
	});

	it('reads SAE metrics; accuracy and missing W/T are NaN', () => {
		const s = labSeries([fakeSnapshot(10, 'sae')]);
		expect(s.mse).toEqual([0.4]);
		expect(s.mmcs).toEqual([0.7]);
		expect(s.trainLoss).toEqual([0.5]);
		expect(Number.isNaN(s.testAcc[0])).toBe(true);
		expect(Number.isNaN(s.wt[0])).toBe(true);
	});

	it('handles an empty buffer', () => {
		expect(labSeries([]).steps).toEqual([]);
	});
});

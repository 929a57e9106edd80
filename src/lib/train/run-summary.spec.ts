import { describe, expect, it } from 'vitest';
import { firstStepAtLeast, summarise, toColumns, type SnapshotRecord } from './run-summary';
import type { Snapshot } from './protocol';

function record(step: number, rho: number, trainAcc: number, testAcc: number): SnapshotRecord {
	return {
		step,
		rho,
		beta: 1,
		betaC: 1 / rho,
		lambda1: rho,
		hessianMin: 0,
		spread: 0,
		kEff: 1,
		wt: 1,
		trace: 1,
		effectiveRank: 1,
		trainAcc,
		testAcc
	};
}

describe('run summary', () => {
	const records = [
		record(0, 0.1, 0, 0),
		record(25, 0.8, 0.5, 0),
		record(50, 2, 0.995, 0),
		record(75, 4, 1, 0.1),
		record(100, 6, 1, 0.2),
		record(125, 5, 1, 0.6),
		record(150, 4, 1, 0.96)
	];
	const last = {
		step: 150,
		metrics: { kind: 'grokking', trainLoss: 0, testLoss: 0, trainAcc: 1, testAcc: 0.96, weightNorm: 1 },
		events: { onset: 30, escape: 60, symmetryBreaking: 120, lag: 4, collapse: null, shape: 'delayed-escape', rhoMax: 6 }
	} as unknown as Snapshot;

	it('finds first snapshot steps at thresholds', () => {
		expect(firstStepAtLeast(records, (r) => r.trainAcc, 0.99)).toBe(50);
		expect(firstStepAtLeast(records, (r) => r.testAcc, 0.99)).toBeNull();
	});

	it('summarises a grokking run: thresholds, ρ at test 50%, median ρ after memorisation', () => {
		const s = summarise(records, last);
		if (s.toy !== 'grokking') throw new Error('expected grokking');
		expect(s.train99).toBe(50);
		expect(s.test50).toBe(125);
		expect(s.test95).toBe(150);
		expect(s.rhoAtTest50).toBe(5);
		// Snapshots 50, 75, 100 (before test 50%): ρ 2, 4, 6 → median 4.
		expect(s.rhoPlateau).toBe(4);
		expect(s.lag).toBe(4);
		expect(s.shape).toBe('delayed-escape');
	});

	it('packs records into rounded columns', () => {
		const c = toColumns([record(0, 1 / 3, 0, 0), record(25, NaN, 1, 0.5)], 3);
		expect(c.step).toEqual([0, 25]);
		expect(c.rho).toEqual([0.333, null]);
	});
});

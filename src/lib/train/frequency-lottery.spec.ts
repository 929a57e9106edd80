import { describe, expect, it } from 'vitest';
import { aliveMask, decisionSteps, frequencyLotteryStats, keepToFinal, shuffledKeep } from './frequency-lottery';

describe('frequency lottery statistics', () => {
	it('counts kept winners over alive neurons only, against 1/K and the shuffled expectation', () => {
		const early = [1, 2, 3, 4, 5, 5];
		const now = [1, 2, 9, 9, 5, 7];
		const earlyPow = [1, 2, 3, 4, 5, 6];
		const nowPow = [10, 20, 30, 40, 50, 60];
		const alive = [1, 1, 1, 1, 1, 0];
		const s = frequencyLotteryStats(40, early, earlyPow, now, nowPow, alive, 10);
		expect(s.nAlive).toBe(5);
		expect(s.keep).toBeCloseTo(3 / 5, 12);
		expect(s.chance).toBeCloseTo(0.1, 12);
		// Over the alive 5: early counts {1:1,2:1,3:1,4:1,5:1}, now {1:1,2:1,9:2,5:1} → (1+1+1)/25.
		expect(s.shuffled).toBeCloseTo(3 / 25, 12);
		expect(s.spearman).toBeCloseTo(1, 12);
		expect(s.distinct).toBe(4);
		expect(s.earlyStep).toBe(40);
	});

	it('gives keep 1 with shuffled 1/K for a uniform one-neuron-per-frequency layout that never changes', () => {
		const w = Array.from({ length: 20 }, (_, j) => (j % 10) + 1);
		const s = frequencyLotteryStats(5, w, w, w, w, new Array(20).fill(1), 10);
		expect(s.keep).toBe(1);
		expect(s.shuffled).toBeCloseTo(0.1, 12);
		expect(shuffledKeep([1, 1], [2, 2], 3)).toBe(0);
	});

	it('finds the step from which each neuron stays on its final winner, and the keep-to-final curve', () => {
		const steps = [0, 25, 50, 75];
		const winners = [
			[3, 1, 2],
			[3, 2, 2],
			[4, 1, 2],
			[3, 1, 2]
		];
		expect(Array.from(decisionSteps(steps, winners))).toEqual([75, 50, 0]);
		expect(Array.from(keepToFinal(winners, [1, 1, 1]))).toEqual([1, 2 / 3, 2 / 3, 1]);
		expect(Array.from(keepToFinal(winners, [0, 1, 0]))).toEqual([1, 0, 1, 1]);
	});

	it('marks neurons with at least 1% of the strongest neuron’s power as alive', () => {
		expect(Array.from(aliveMask([100, 1, 0.5, 50]))).toEqual([1, 1, 0, 1]);
		expect(Array.from(aliveMask([0, 0]))).toEqual([0, 0]);
	});
});

// Trajectory events of docs/theory.md §4 on synthetic series.
import { describe, expect, it } from 'vitest';
import { analyseTrajectory, type TrajectoryPoint } from './index';

function series(rho: number[], extra: Partial<Record<'spread' | 'trace' | 'effectiveRank' | 'wt' | 'betaC', number[]>> = {}) {
	return rho.map(
		(r, i): TrajectoryPoint => ({
			step: 10 * i,
			rho: r,
			spread: extra.spread?.[i] ?? 0,
			betaC: extra.betaC?.[i] ?? 1,
			trace: extra.trace?.[i] ?? 10,
			effectiveRank: extra.effectiveRank?.[i] ?? 5,
			wt: extra.wt?.[i]
		})
	);
}

describe('analyseTrajectory', () => {
	it('onset: first ρ ≥ 1, linearly interpolated', () => {
		const e = analyseTrajectory(series([0.5, 0.8, 1.2, 1.5]));
		expect(e.onset).toBeCloseTo(15, 12); // 10 + (1 − 0.8)/(1.2 − 0.8)·10
		expect(analyseTrajectory(series([1.3, 1.5])).onset).toBe(0);
		expect(e.rhoMax).toBe(1.5);
	});

	it('escape: first m/√λ1 ≥ 0.3, interpolated; null if never', () => {
		const e = analyseTrajectory(series([0.5, 0.8, 1.2, 1.5], { spread: [0, 0.1, 0.2, 0.5] }));
		expect(e.escape).toBeCloseTo(20 + 10 / 3, 12);
		expect(analyseTrajectory(series([1.2, 1.5], { spread: [0.1, 0.29] })).escape).toBeNull();
	});

	it('symmetry breaking: first W/T below half its post-onset peak, and lag = t_sb/t_on', () => {
		// onset at 15; post-onset W/T peaks at 0.8 (step 30), crosses 0.4 between steps 60 (0.6) and 70 (0.2).
		const rho = [0.5, 0.8, 1.2, 1.5, 1.6, 1.6, 1.6, 1.6, 1.6];
		const wt = [0.9, 0.9, 0.7, 0.8, 0.7, 0.7, 0.6, 0.2, 0.1];
		const e = analyseTrajectory(series(rho, { wt }));
		expect(e.symmetryBreaking).toBeCloseTo(65, 12); // 60 + (0.6 − 0.4)/(0.6 − 0.2)·10
		expect(e.lag).toBeCloseTo(65 / 15, 12);
		// Pre-onset values never count: a high W/T before onset does not set the plateau.
		const early = analyseTrajectory(series(rho, { wt: [5, 5, 0.7, 0.8, 0.7, 0.7, 0.6, 0.2, 0.1] }));
		expect(early.symmetryBreaking).toBeCloseTo(65, 12);
		expect(analyseTrajectory(series(rho)).symmetryBreaking).toBeNull();
		expect(analyseTrajectory(series(rho)).lag).toBeNull();
	});

	it('shape tags: no-arc, fold-back, delayed-escape, and the order of the rules', () => {
		const none = analyseTrajectory(series([0.2, 0.5, 0.9, 0.95]));
		expect(none.shape).toBe('no-arc');
		expect(none.evidence?.betaCFactor).toBeNull();
		const fold = analyseTrajectory(series([0.5, 0.9, 1.4, 3, 2.7, 2.2]));
		expect(fold.shape).toBe('fold-back');
		expect(fold.evidence?.rhoPeak).toBe(3);
		expect(fold.evidence?.rhoPeakStep).toBe(30);
		expect(fold.evidence?.rhoFall).toBeCloseTo(0.8 / 3, 12);
		// A fall of less than 10% is not a fold-back (no W/T: still waiting for symmetry breaking).
		const small = analyseTrajectory(series([0.5, 0.9, 1.4, 3, 2.75]));
		expect(small.shape).not.toBe('fold-back');
		expect(small.evidence?.rhoFall).toBeCloseTo(0.25 / 3, 12);
		// Onset at 15, W/T drops at step ~65 (lag 4.3 > 3) → delayed escape, even though ρ also folds back.
		const rho = [0.5, 0.8, 1.2, 1.5, 3, 2.5, 2, 2, 2];
		const wt = [0.9, 0.9, 0.8, 0.8, 0.8, 0.8, 0.6, 0.2, 0.1];
		const delayed = analyseTrajectory(series(rho, { wt }));
		expect(delayed.shape).toBe('delayed-escape');
		expect(delayed.lag!).toBeGreaterThan(3);
		// The same W/T drop soon after onset (lag < 3) keeps the ρ-based tag.
		const quick = [0.9, 0.9, 0.8, 0.3, 0.2, 0.2, 0.2, 0.2, 0.2];
		const e = analyseTrajectory(series(rho, { wt: quick }));
		expect(e.lag!).toBeLessThan(3);
		expect(e.shape).toBe('fold-back');
	});

	it('full V needs t_sb ≤ 3·t_on and β_c within a factor 2 of its onset value; otherwise "other"', () => {
		// Onset 15, W/T halves at ~35 (lag 2.3), ρ rises and stays: a Full V while β_c stays put.
		const rho = [0.5, 0.8, 1.2, 1.5, 2, 2.1, 2.1];
		const wt = [0.9, 0.9, 0.8, 0.5, 0.2, 0.1, 0.1];
		const v = analyseTrajectory(series(rho, { wt }));
		expect(v.lag!).toBeLessThanOrEqual(3);
		expect(v.shape).toBe('full-v');
		expect(v.evidence?.betaCFactor).toBe(1);
		// Same ρ and W/T, but β_c falls to a third of its onset value (λ1 grew ×3): not a Full V.
		const betaC = [1, 1, 1, 0.8, 0.5, 0.34, 0.33];
		const moved = analyseTrajectory(series(rho, { wt, betaC }));
		expect(moved.evidence?.betaCFactor).toBeCloseTo(1 / 0.33, 12);
		expect(moved.shape).toBe('other');
		// A factor of exactly 2 still counts as within.
		const edge = analyseTrajectory(series(rho, { wt, betaC: [1, 1, 1, 0.8, 0.5, 0.5, 0.5] }));
		expect(edge.shape).toBe('full-v');
		// β_c before onset does not count.
		const early = analyseTrajectory(series(rho, { wt, betaC: [9, 9, 1, 1, 1, 1, 1] }));
		expect(early.shape).toBe('full-v');
	});

	it('waiting: crossed 1, no symmetry breaking yet, ρ levelling off', () => {
		const wt = [0.9, 0.9, 0.9, 0.9, 0.88, 0.87, 0.86, 0.86];
		const e = analyseTrajectory(series([0.5, 0.9, 1.4, 2, 2.2, 2.3, 2.3, 2.3], { wt }));
		expect(e.symmetryBreaking).toBeNull();
		expect(e.shape).toBe('waiting');
		expect(e.evidence?.rhoLateGrowth).toBeCloseTo(1, 12);
	});

	it('runaway: no symmetry breaking while ρ keeps growing (weight decay 0), never a Full V', () => {
		// ρ grows without bound and β_c falls by orders of magnitude, W/T stays high.
		const rho = [0.1, 0.8, 2, 5, 10, 30, 80, 200];
		const betaC = [1.3, 1.3, 1, 0.5, 0.1, 0.01, 1e-3, 8e-5];
		const wt = [0.99, 0.99, 0.99, 0.98, 0.97, 0.96, 0.96, 0.95];
		const e = analyseTrajectory(series(rho, { wt, betaC }));
		expect(e.shape).toBe('runaway');
		expect(e.evidence?.rhoLateGrowth).toBeGreaterThan(1.1);
		// Growth of ×1.1 or less over the second half is waiting, not runaway.
		const slow = analyseTrajectory(series([0.5, 2, 2, 2, 2.1, 2.2], { wt: [0.9, 0.9, 0.9, 0.9, 0.9, 0.9] }));
		expect(slow.shape).toBe('waiting');
	});

	it('collapse: trace below 10% of its running max, or effective rank below min(2, d/2)', () => {
		const rho = [0.5, 0.6, 0.7, 0.8, 0.9];
		expect(analyseTrajectory(series(rho, { trace: [10, 20, 5, 1.9, 1] })).collapse).toBe(30);
		expect(analyseTrajectory(series(rho, { trace: [10, 20, 5, 2, 2] })).collapse).toBeNull();
		expect(analyseTrajectory(series(rho, { effectiveRank: [5, 4, 1.9, 3, 3] })).collapse).toBe(20);
		expect(analyseTrajectory(series(rho, { effectiveRank: [5, 4, 1.9, 3, 3] }), { d: 16 }).collapse).toBe(20);
		// A healthy 3-D cloud with effective rank 1.8 is not collapsed (bound min(2, 3/2) = 1.5); 1.4 is.
		expect(analyseTrajectory(series(rho, { effectiveRank: [2.5, 1.8, 1.8, 1.8, 1.8] }), { d: 3 }).collapse).toBeNull();
		expect(analyseTrajectory(series(rho, { effectiveRank: [2.5, 1.8, 1.4, 1.8, 1.8] }), { d: 3 }).collapse).toBe(20);
	});

	it('empty input gives no events', () => {
		const e = analyseTrajectory([]);
		expect(e.onset).toBeNull();
		expect(e.shape).toBe('no-arc');
	});
});

// Trajectory events of science.md §4 on synthetic series.
import { describe, expect, it } from 'vitest';
import { analyseTrajectory, type TrajectoryPoint } from './index';

function series(rho: number[], extra: Partial<Record<'spread' | 'trace' | 'effectiveRank' | 'wt', number[]>> = {}) {
	return rho.map(
		(r, i): TrajectoryPoint => ({
			step: 10 * i,
			rho: r,
			spread: extra.spread?.[i] ?? 0,
			betaC: 1,
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

	it('shape tags: no-arc, full-v, fold-back, delayed-escape', () => {
		expect(analyseTrajectory(series([0.2, 0.5, 0.9, 0.95])).shape).toBe('no-arc');
		expect(analyseTrajectory(series([0.5, 0.9, 1.4, 2, 2.1, 2])).shape).toBe('full-v');
		expect(analyseTrajectory(series([0.5, 0.9, 1.4, 3, 2.7, 2.2])).shape).toBe('fold-back');
		// A fall of less than 10% is not a fold-back.
		expect(analyseTrajectory(series([0.5, 0.9, 1.4, 3, 2.75])).shape).toBe('full-v');
		// Onset at 15, W/T drops at step ~65 (lag 4.3 > 3) → delayed escape, even though ρ also folds back.
		const rho = [0.5, 0.8, 1.2, 1.5, 3, 2.5, 2, 2, 2];
		const wt = [0.9, 0.9, 0.8, 0.8, 0.8, 0.8, 0.6, 0.2, 0.1];
		expect(analyseTrajectory(series(rho, { wt })).shape).toBe('delayed-escape');
		// The same W/T drop soon after onset (lag < 3) keeps the ρ-based tag.
		const quick = [0.9, 0.9, 0.8, 0.3, 0.2, 0.2, 0.2, 0.2, 0.2];
		const e = analyseTrajectory(series(rho, { wt: quick }));
		expect(e.lag!).toBeLessThan(3);
		expect(e.shape).toBe('fold-back');
	});

	it('collapse: trace below 10% of its running max, or effective rank below 2', () => {
		const rho = [0.5, 0.6, 0.7, 0.8, 0.9];
		expect(analyseTrajectory(series(rho, { trace: [10, 20, 5, 1.9, 1] })).collapse).toBe(30);
		expect(analyseTrajectory(series(rho, { trace: [10, 20, 5, 2, 2] })).collapse).toBeNull();
		expect(analyseTrajectory(series(rho, { effectiveRank: [5, 4, 1.9, 3, 3] })).collapse).toBe(20);
	});

	it('empty input gives no events', () => {
		const e = analyseTrajectory([]);
		expect(e.onset).toBeNull();
		expect(e.shape).toBe('no-arc');
	});
});

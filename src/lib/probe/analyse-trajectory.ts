import { firstCrossing } from './first-crossing';
import type { ShapeTag, TrajectoryEvents, TrajectoryPoint } from './types';

/** Macroscopic symmetry breaking: first W/T below half its running post-onset peak (interpolated). [choice] */
function symmetryBreakingStep(points: TrajectoryPoint[], onset: number): number | null {
	let peak = -Infinity;
	let prev: TrajectoryPoint | null = null;
	for (const p of points) {
		if (p.step < onset || p.wt === undefined || !Number.isFinite(p.wt)) continue;
		peak = Math.max(peak, p.wt);
		const threshold = peak / 2;
		if (p.wt < threshold) {
			if (!prev || prev.wt === undefined) return p.step;
			const f = (prev.wt - threshold) / (prev.wt - p.wt);
			return prev.step + f * (p.step - prev.step);
		}
		prev = p;
	}
	return null;
}

/** First step where tr Σ_t < 0.1·max_{s≤t} tr Σ_s or the effective rank is below 2. */
function collapseStep(points: TrajectoryPoint[]): number | null {
	let maxTrace = -Infinity;
	for (const p of points) {
		maxTrace = Math.max(maxTrace, p.trace);
		if (p.trace < 0.1 * maxTrace || p.effectiveRank < 2) return p.step;
	}
	return null;
}

/** ρ peaks above 1 and then falls by more than 10% of its peak. */
function foldsBack(rho: number[]): boolean {
	let iMax = 0;
	for (let i = 1; i < rho.length; i++) if (rho[i] > rho[iMax]) iMax = i;
	if (!(rho[iMax] > 1)) return false;
	let after = Infinity;
	for (let i = iMax + 1; i < rho.length; i++) after = Math.min(after, rho[i]);
	return after < 0.9 * rho[iMax];
}

/**
 * Events of a run (science.md §4): onset (first ρ ≥ 1), probe escape (first m/√λ1 ≥ 0.3), macroscopic symmetry
 * breaking and its lag when W/T is given, first collapse warning, and the shape tag. Tags are checked in the
 * order no-arc (ρ never reaches 1), delayed-escape (t_sb > 3·t_on), fold-back, full-V. Points in step order.
 */
export function analyseTrajectory(points: TrajectoryPoint[]): TrajectoryEvents {
	const steps = points.map((p) => p.step);
	const rho = points.map((p) => p.rho);
	const onset = firstCrossing(steps, rho, 1);
	const escape = firstCrossing(
		steps,
		points.map((p) => p.spread),
		0.3
	);
	const symmetryBreaking = onset === null ? null : symmetryBreakingStep(points, onset);
	const lag = symmetryBreaking !== null && onset !== null && onset > 0 ? symmetryBreaking / onset : null;
	let rhoMax = -Infinity;
	for (const r of rho) if (Number.isFinite(r)) rhoMax = Math.max(rhoMax, r);
	let shape: ShapeTag;
	if (onset === null) shape = 'no-arc';
	else if (lag !== null && lag > 3) shape = 'delayed-escape';
	else if (foldsBack(rho.filter(Number.isFinite))) shape = 'fold-back';
	else shape = 'full-v';
	return {
		onset,
		escape,
		symmetryBreaking,
		lag,
		collapse: collapseStep(points),
		shape,
		rhoMax: points.length ? rhoMax : NaN
	};
}

import { firstCrossing } from './first-crossing';
import type { ShapeEvidence, ShapeTag, TrajectoryEvents, TrajectoryPoint } from './types';

/** Thresholds of the shape rules (docs/theory.md §4). */
export const SHAPE_RULES = { lagMax: 3, foldMin: 0.1, betaCMax: 2, runawayMin: 1.1 } as const;

export interface AnalyseOptions {
	/**
	 * Dimension of the probed hidden states: the collapse rule is effective rank < min(2, d/2), the same rule as a
	 * single snapshot's warning (a healthy 2-D or 3-D cloud must not be flagged). Without d the bound is 2.
	 */
	d?: number;
}

/**
 * Macroscopic symmetry breaking t_sb: the first W/T below half of its *running* peak since onset (the peak of the
 * W/T values seen from the onset up to that snapshot, not of the whole run), linearly interpolated between the
 * snapshot before and the one below. Pre-onset values never count. [choice]
 */
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

/** First step where tr Σ_t < 0.1·max_{s≤t} tr Σ_s or the effective rank is below min(2, d/2). */
function collapseStep(points: TrajectoryPoint[], d: number): number | null {
	const rankFloor = Math.min(2, d / 2);
	let maxTrace = -Infinity;
	for (const p of points) {
		maxTrace = Math.max(maxTrace, p.trace);
		if (p.trace < 0.1 * maxTrace || p.effectiveRank < rankFloor) return p.step;
	}
	return null;
}

/** Index of the first point at or after `step` (the last point if none). */
function indexAtOrAfter(points: TrajectoryPoint[], step: number): number {
	const i = points.findIndex((p) => p.step >= step);
	return i < 0 ? points.length - 1 : i;
}

/** ρ's peak, and how far (as a fraction of the peak) ρ fell after it. */
function peakAndFall(points: TrajectoryPoint[]): Pick<ShapeEvidence, 'rhoPeak' | 'rhoPeakStep' | 'rhoFall'> {
	let iMax = -1;
	for (let i = 0; i < points.length; i++) {
		const r = points[i].rho;
		if (Number.isFinite(r) && (iMax < 0 || r > points[iMax].rho)) iMax = i;
	}
	if (iMax < 0) return { rhoPeak: NaN, rhoPeakStep: null, rhoFall: 0 };
	const peak = points[iMax].rho;
	let low = peak;
	for (let i = iMax + 1; i < points.length; i++) if (Number.isFinite(points[i].rho)) low = Math.min(low, points[i].rho);
	return { rhoPeak: peak, rhoPeakStep: points[iMax].step, rhoFall: peak > 0 ? (peak - low) / peak : 0 };
}

/** Largest factor (≥ 1) by which β_c moved away from its value at the first snapshot at or after onset. */
function betaCFactor(points: TrajectoryPoint[], onset: number): number | null {
	const ref = points[indexAtOrAfter(points, onset)].betaC;
	if (!(ref > 0)) return null;
	let factor = 1;
	for (const p of points) {
		if (p.step < onset || !(p.betaC > 0)) continue;
		factor = Math.max(factor, p.betaC / ref, ref / p.betaC);
	}
	return factor;
}

/** ρ at the end over ρ halfway (in steps) between onset and the end. */
function lateGrowth(points: TrajectoryPoint[], onset: number): number | null {
	const last = points[points.length - 1];
	const mid = points[indexAtOrAfter(points, (onset + last.step) / 2)];
	return mid.rho > 0 && Number.isFinite(last.rho) ? last.rho / mid.rho : null;
}

/**
 * Events of a run (docs/theory.md §4): onset (first ρ ≥ 1), probe escape (first m/√λ1 ≥ 0.3), macroscopic symmetry
 * breaking t_sb and its lag t_sb/t_on when W/T is given, first collapse warning, and the shape tag with the numbers
 * that decided it. Rules, in this order:
 * 1. no-arc: ρ never reaches 1;
 * 2. delayed-escape: t_sb > 3·t_on;
 * 3. fold-back: ρ peaks above 1 and then falls more than 10% from its peak;
 * 4. no t_sb yet: runaway (ρ at the end > 1.1 × ρ halfway from onset to the end: it keeps growing, e.g. weight
 *    decay 0) or waiting;
 * 5. full-v: t_sb ≤ 3·t_on and β_c within a factor 2 of its value at onset; otherwise `other`.
 * Points in step order. A live run is re-analysed at every snapshot, so its tag can change as it goes.
 */
export function analyseTrajectory(points: TrajectoryPoint[], options: AnalyseOptions = {}): TrajectoryEvents {
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
	const evidence: ShapeEvidence = {
		...peakAndFall(points),
		betaCFactor: onset === null ? null : betaCFactor(points, onset),
		rhoLateGrowth: onset === null ? null : lateGrowth(points, onset),
		...SHAPE_RULES
	};
	let shape: ShapeTag;
	if (onset === null) shape = 'no-arc';
	else if (lag !== null && lag > SHAPE_RULES.lagMax) shape = 'delayed-escape';
	else if (evidence.rhoPeak > 1 && evidence.rhoFall > SHAPE_RULES.foldMin) shape = 'fold-back';
	else if (symmetryBreaking === null) {
		shape = evidence.rhoLateGrowth !== null && evidence.rhoLateGrowth > SHAPE_RULES.runawayMin ? 'runaway' : 'waiting';
	} else if (evidence.betaCFactor !== null && evidence.betaCFactor <= SHAPE_RULES.betaCMax) shape = 'full-v';
	else shape = 'other';
	return {
		onset,
		escape,
		symmetryBreaking,
		lag,
		collapse: collapseStep(points, options.d ?? Infinity),
		shape,
		rhoMax: points.length ? evidence.rhoPeak : NaN,
		evidence
	};
}

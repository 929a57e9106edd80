/**
 * Words for the shape tags and the sentence that shows the numbers which decided one (docs/theory.md §4). Pure:
 * used by the lab's events readout and the shapes figure.
 */
import type { ShapeTag, TrajectoryEvents } from '$lib/probe/types';
import { fmt } from '../format/number';

export const SHAPE_LABELS: Record<ShapeTag, string> = {
	'full-v': 'Full V',
	'fold-back': 'fold-back',
	'delayed-escape': 'delayed escape',
	'no-arc': 'no arc',
	waiting: 'waiting',
	runaway: 'runaway — no escape',
	other: 'none of the four'
};

/** The paper's four shapes, in the order the rules test them. */
export const PAPER_SHAPES: ShapeTag[] = ['no-arc', 'delayed-escape', 'fold-back', 'full-v'];

const step = (s: number | null) => (s === null ? '—' : fmt(s, 4));

/** One sentence: the tag's rule, filled in with this run's numbers. */
export function shapeReason(e: TrajectoryEvents): string {
	const ev = e.evidence;
	const on = step(e.onset);
	const lag = e.lag === null ? null : `t_sb/t_on = ${fmt(e.symmetryBreaking!, 4)}/${on} = ×${fmt(e.lag, 3)}`;
	const fall = ev ? `ρ peaked at ${fmt(ev.rhoPeak, 3)} (step ${step(ev.rhoPeakStep)}) and fell ${fmt(100 * ev.rhoFall, 2)}% after` : '';
	const bc = ev?.betaCFactor == null ? '' : `β_c moved ×${fmt(ev.betaCFactor, 3)} from its onset value`;
	switch (e.shape) {
		case 'no-arc':
			return `ρ never reached 1 (max ${fmt(e.rhoMax, 3)}).`;
		case 'delayed-escape':
			return `${lag} > 3.`;
		case 'fold-back':
			return `${fall} (> 10%)${lag ? `; ${lag} ≤ 3` : '; no W/T symmetry breaking'}.`;
		case 'runaway':
			return `crossed 1 at step ${on}; no W/T symmetry breaking, and ρ still grew ×${fmt(ev?.rhoLateGrowth ?? NaN, 3)} over the second half after onset (> 1.1); ${bc}.`;
		case 'waiting':
			return `crossed 1 at step ${on}; no W/T symmetry breaking yet; ${fall} (≤ 10%); ρ grew ×${fmt(ev?.rhoLateGrowth ?? NaN, 3)} over the second half after onset (≤ 1.1).`;
		case 'full-v':
			return `${lag} ≤ 3; ${fall} (≤ 10%); ${bc} (≤ 2).`;
		case 'other':
			return `${lag} ≤ 3 and ${fall} (≤ 10%), but ${bc} (> 2): not a Full V.`;
	}
}

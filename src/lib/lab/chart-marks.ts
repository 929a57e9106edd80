/**
 * Vertical marks on the time charts: the trajectory's events (as they happen) and the hyper-parameter changes at
 * their step. Labels are staggered over a few rows so that no two labels overlap; a mark with no free row keeps its
 * line and drops its label (the events are also listed beside the charts).
 */
import type { HyperChange, HyperKey, TrajectoryEvents } from '$lib/train/protocol';
import { fmt } from '$lib/format/number';

export type MarkKind = 'onset' | 'escape' | 'symmetryBreaking' | 'collapse' | 'hyper';

export interface StepMark {
	kind: MarkKind;
	step: number;
	label: string;
	/** Label row (0 … MARK_ROWS − 1), or −1: no room for the label (the line is still drawn). */
	row: number;
}

const EVENT_LABELS: Record<Exclude<MarkKind, 'hyper'>, string> = {
	onset: 'ρ = 1',
	escape: 'probe escape',
	symmetryBreaking: 'symmetry breaking',
	collapse: 'collapse warning'
};

/** Colours of the marks (Okabe–Ito via the site's CSS variables), shared by the charts and the events list. */
export const MARK_COLOURS: Record<MarkKind, string> = {
	onset: 'var(--c-vermillion)',
	escape: 'var(--c-purple)',
	symmetryBreaking: 'var(--c-green)',
	collapse: 'var(--ink)',
	hyper: 'var(--muted)'
};

export const HYPER_SYMBOLS: Record<HyperKey, string> = { weightDecay: 'wd', noise: 'σ', lr: 'lr' };

export function eventMarks(events: TrajectoryEvents | null | undefined): StepMark[] {
	if (!events) return [];
	const out: StepMark[] = [];
	for (const kind of ['onset', 'escape', 'symmetryBreaking', 'collapse'] as const) {
		const step = events[kind];
		if (step !== null && Number.isFinite(step)) out.push({ kind, step, label: EVENT_LABELS[kind], row: 0 });
	}
	return out;
}

/** One mark per (step, key): a slider drag that lands several changes on one step shows only the last value. */
export function hyperMarks(changes: readonly HyperChange[] | null | undefined): StepMark[] {
	if (!changes) return [];
	const last = new Map<string, HyperChange>();
	for (const c of changes) last.set(`${c.step}:${c.key}`, c);
	return [...last.values()].map((c) => ({ kind: 'hyper' as const, step: c.step, label: `${HYPER_SYMBOLS[c.key]} = ${fmt(c.value, 2)}`, row: 0 }));
}

/** Label rows above a time chart's curves. */
export const MARK_ROWS = 5;

/**
 * All marks sorted by step, each label on the first row where it does not overlap the label before it: a label
 * written at its step runs on for (characters + 1) × `stepsPerChar` steps (the chart's px per character over its px
 * per step). When every row is taken the mark gets row −1 and no label.
 */
export function stepMarks(events: TrajectoryEvents | null | undefined, changes: readonly HyperChange[] | null | undefined, stepsPerChar: number): StepMark[] {
	const marks = [...eventMarks(events), ...hyperMarks(changes)].sort((a, b) => a.step - b.step);
	const rowEnds: number[] = Array(MARK_ROWS).fill(-Infinity);
	for (const m of marks) {
		m.row = rowEnds.findIndex((end) => m.step >= end);
		if (m.row >= 0) rowEnds[m.row] = m.step + (m.label.length + 1) * stepsPerChar;
	}
	return marks;
}

/**
 * The changes made so far plus the schedule's entries still ahead of `step`, so a scheduled switch is marked before it
 * happens (hyperMarks shows one mark per step and key, so a planned entry and its execution draw once).
 */
export function withPlanned(changes: readonly HyperChange[], schedule: readonly HyperChange[] | undefined, step: number): HyperChange[] {
	return [...changes, ...(schedule ?? []).filter((e) => e.step > step)];
}

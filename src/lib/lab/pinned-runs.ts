/**
 * Pinned runs for side-by-side comparison in the lab: a frozen copy of a run's series (not its snapshots' point
 * clouds), with its settings as the legend label and its own colour. Kept by the page, so pins survive reset, reseed
 * and toy switches while the page is open. Pure: no Svelte, no DOM.
 */
import type { LabState } from '$lib/state/lab';
import type { Snapshot } from '$lib/train/protocol';
import { formatSchedule } from '$lib/train/schedule';
import { fmt } from '$lib/format/number';
import { labSeries, type LabSeries } from './lab-series';

export const MAX_PINS = 4;
/** Okabe–Ito colours not used by the live run's lines (blue, orange), one per pin slot. */
const PIN_COLOURS = ['var(--c-vermillion)', 'var(--c-green)', 'var(--c-purple)', 'var(--c-sky)'] as const;

export interface PinnedRun {
	id: number;
	label: string;
	colour: string;
	toy: LabState['toy'];
	preset: string;
	series: LabSeries;
	/** Hyper-parameters in force at each snapshot (for the CSV). */
	weightDecay: number[];
	noise: number[];
	lr: number[];
}

/** "grokking-small · seed 1 · wd 0 · σ 0 · lr 0.003 · wd@1000=1": enough to tell pinned runs apart in a legend. */
export function pinLabel(settings: LabState, preset: string): string {
	const parts = [preset, `seed ${settings.seed}`, `wd ${fmt(settings.weightDecay, 3)}`, `σ ${fmt(settings.noise, 2)}`, `lr ${fmt(settings.lr, 2)}`];
	const schedule = formatSchedule(settings.schedule ?? []).replaceAll('weightDecay', 'wd').replaceAll('noise', 'σ');
	if (schedule) parts.push(schedule);
	return parts.join(' · ');
}

export type PinResult = { pins: PinnedRun[]; error: null } | { pins: PinnedRun[]; error: string };

/** Add a pin (refused with a message when there is nothing to pin or MAX_PINS are pinned); returns a new list. */
export function pinRun(pins: readonly PinnedRun[], snapshots: readonly Snapshot[], settings: LabState, preset: string): PinResult {
	if (snapshots.length === 0) return { pins: [...pins], error: 'Nothing to pin yet: wait for the first snapshot.' };
	if (pins.length >= MAX_PINS) return { pins: [...pins], error: `At most ${MAX_PINS} pinned runs: unpin one first.` };
	const used = new Set(pins.map((p) => p.colour));
	const colour = PIN_COLOURS.find((c) => !used.has(c)) ?? PIN_COLOURS[0];
	const id = Math.max(0, ...pins.map((p) => p.id)) + 1;
	const pin: PinnedRun = {
		id,
		label: pinLabel(settings, preset),
		colour,
		toy: snapshots[0].toy,
		preset,
		series: labSeries(snapshots),
		weightDecay: snapshots.map((s) => s.hyper.weightDecay),
		noise: snapshots.map((s) => s.hyper.noise),
		lr: snapshots.map((s) => s.hyper.lr)
	};
	return { pins: [...pins, pin], error: null };
}

export function unpinRun(pins: readonly PinnedRun[], id: number): PinnedRun[] {
	return pins.filter((p) => p.id !== id);
}

/** A line drawn over a chart: its own steps, values, colour and legend name. */
export interface Overlay {
	name: string;
	xs: readonly number[];
	ys: readonly number[];
	colour: string;
}

/** The pins of this toy as overlays of one series (e.g. 'rho', 'testAcc'). */
export function pinOverlays(pins: readonly PinnedRun[], toy: LabState['toy'], key: keyof Omit<LabSeries, 'steps'>): Overlay[] {
	return pins.filter((p) => p.toy === toy).map((p) => ({ name: `pinned ${p.id}: ${p.label}`, xs: p.series.steps, ys: p.series[key], colour: p.colour }));
}

/** The largest step among the pins of this toy (so the live run's x axis shows them whole). */
export function pinnedMaxStep(pins: readonly PinnedRun[], toy: LabState['toy']): number {
	let max = 0;
	for (const p of pins) if (p.toy === toy) max = Math.max(max, p.series.steps.at(-1) ?? 0);
	return max;
}

/** For each distinct change step, the index of the first snapshot at or after it (where the plane marks the change). */
export function changeIndices(steps: readonly number[], changes: readonly { step: number }[]): number[] {
	const out = new Set<number>();
	for (const c of changes) {
		const i = steps.findIndex((s) => s >= c.step);
		if (i >= 0) out.add(i);
	}
	return [...out].sort((a, b) => a - b);
}

/**
 * Hyper-parameter schedules: "at step S, set key to value" (e.g. weight decay 0 until step 1500, then 1). Plain data,
 * no tfjs: the Session applies the entries due before each training step (docs/theory.md §9: an intervention acts on
 * the dynamics, the probe only reads them), the lab carries them in the URL as `schedule=weightDecay@1500=1,noise@3000=0`
 * and the CLI takes the same text after `--schedule`.
 *
 * An entry at step S takes effect like a slider change logged at step S: step S + 1 is the first that trains with it.
 */
import type { HyperKey } from './config';

export interface ScheduleEntry {
	step: number;
	key: HyperKey;
	value: number;
}

export type Schedule = ScheduleEntry[];

/** Allowed value range per key (the lab's slider ranges); values outside are clamped. */
export type ScheduleRanges = Record<HyperKey, { min: number; max: number }>;

export const SCHEDULE_KEYS: readonly HyperKey[] = ['weightDecay', 'noise', 'lr'];
/** More entries than this are dropped (a URL is not a training script). */
export const MAX_SCHEDULE_ENTRIES = 8;
export const MAX_SCHEDULE_STEP = 1_000_000;

export interface ParsedSchedule {
	schedule: Schedule;
	/** The pieces that could not be read (unknown key, bad step or value), verbatim. */
	dropped: string[];
}

const ENTRY = /^([A-Za-z]+)@(\d+)=(.+)$/;

/**
 * Read `key@step=value[,key@step=value…]`. Never throws: unreadable pieces are listed in `dropped`, values are
 * clamped into `ranges`, entries are sorted by step and a later entry for the same key and step wins.
 */
export function parseSchedule(text: string | null | undefined, ranges: ScheduleRanges): ParsedSchedule {
	const dropped: string[] = [];
	const byKeyStep = new Map<string, ScheduleEntry>();
	for (const raw of (text ?? '').split(',')) {
		const piece = raw.trim();
		if (!piece) continue;
		const m = ENTRY.exec(piece);
		const key = m ? SCHEDULE_KEYS.find((k) => k === m[1]) : undefined;
		const step = m ? Number(m[2]) : NaN;
		const value = m ? Number(m[3]) : NaN;
		if (!key || !Number.isSafeInteger(step) || step < 1 || step > MAX_SCHEDULE_STEP || !Number.isFinite(value) || byKeyStep.size >= MAX_SCHEDULE_ENTRIES) {
			dropped.push(piece);
			continue;
		}
		const { min, max } = ranges[key];
		byKeyStep.set(`${key}@${step}`, { step, key, value: Math.min(max, Math.max(min, value)) });
	}
	const schedule = [...byKeyStep.values()].sort((a, b) => a.step - b.step || SCHEDULE_KEYS.indexOf(a.key) - SCHEDULE_KEYS.indexOf(b.key));
	return { schedule, dropped };
}

/** The URL / CLI text of a schedule ('' when empty); parseSchedule(formatSchedule(s)) gives s back. */
export function formatSchedule(schedule: Schedule): string {
	return schedule.map((e) => `${e.key}@${e.step}=${+e.value.toPrecision(6)}`).join(',');
}

/** The entries that act at exactly this step (applied before step + 1 trains). */
export function entriesAt(schedule: Schedule, step: number): ScheduleEntry[] {
	return schedule.filter((e) => e.step === step);
}

/** The first schedule step strictly after `step` (Infinity if none): a training chunk must stop there. */
export function nextScheduleStep(schedule: Schedule, step: number): number {
	let next = Infinity;
	for (const e of schedule) if (e.step > step && e.step < next) next = e.step;
	return next;
}

/** A plain check for messages from another thread: a valid, sorted schedule or a clear error. */
export function validateSchedule(schedule: unknown): Schedule {
	if (!Array.isArray(schedule)) throw new Error('schedule must be an array of { step, key, value }');
	if (schedule.length > MAX_SCHEDULE_ENTRIES) throw new Error(`schedule: at most ${MAX_SCHEDULE_ENTRIES} entries, got ${schedule.length}`);
	const out: Schedule = [];
	for (const e of schedule as Partial<ScheduleEntry>[]) {
		const key = SCHEDULE_KEYS.find((k) => k === e?.key);
		if (!key || !Number.isSafeInteger(e.step) || (e.step as number) < 1 || typeof e.value !== 'number' || !Number.isFinite(e.value) || e.value < 0 || (key === 'lr' && e.value === 0)) {
			throw new Error(`schedule: bad entry ${JSON.stringify(e)} (want { step ≥ 1, key: ${SCHEDULE_KEYS.join('|')}, value ≥ 0 })`);
		}
		out.push({ step: e.step as number, key, value: e.value });
	}
	return out.sort((a, b) => a.step - b.step);
}

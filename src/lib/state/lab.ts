/**
 * The lab's URL state: toy, preset, seed and the three live hyper-parameters, so a link reproduces a run's settings.
 * The hyper-parameter defaults are the toy's preset values, so the schema depends on the toy: read the toy first,
 * then the rest with that toy's schema. Decoding never throws (garbage → defaults), like every figure schema.
 */
import { MID_PRESET, getPreset, presetNames } from '$lib/train/presets';
import { SSL_DATA_SOURCES, type Hyper, type SslDataSource, type ToyName } from '$lib/train/config';
import { formatSchedule, parseSchedule, type Schedule } from '$lib/train/schedule';
import { decodeState, encodeState, type Schema, type StateOf } from './schema';

export const LAB_TOYS: readonly ToyName[] = ['grokking', 'sae', 'ssl'];
export const TOY_LABELS: Record<ToyName, string> = {
	grokking: 'grokking: (a + b) mod p',
	sae: 'SAE: feature lottery',
	ssl: 'SSL: contrastive encoder'
};

/** "Let the worker pick the preset that fits the measured backend speed." */
export const AUTO_PRESET = 'auto';

/**
 * Slider ranges of the live hyper-parameters. Weight decay and noise reach 0 (linear sliders); docs/theory.md §6: noise
 * 1e-2 already prevents learning, so the range stops a little above it.
 */
export const HYPER_RANGES = {
	weightDecay: { min: 0, max: 5, step: 0.05 },
	noise: { min: 0, max: 0.02, step: 0.0005 },
	lr: { min: 1e-4, max: 1e-1 }
} as const;

/** The toy's starting hyper-parameters (the same in every preset of a toy). */
export function presetHyper(toy: ToyName): Hyper {
	return getPreset(MID_PRESET[toy]).config.hyper;
}

/** Only the SSL toy has these URL fields: its data source and NT-Xent temperature τ (a change starts a new run). */
const SSL_LAB_FIELDS = {
	data: { kind: 'enum', values: SSL_DATA_SOURCES, default: 'synthetic' },
	tau: { kind: 'number', min: 0.02, max: 2, default: 0.1, log: true, digits: 3 }
} satisfies Schema;

/** The URL schema of a toy: the common fields, plus SSL_LAB_FIELDS for the SSL toy. */
function labSchema(toy: ToyName): Schema {
	return toy === 'ssl' ? { ...commonSchema(toy), ...SSL_LAB_FIELDS } : commonSchema(toy);
}

function commonSchema(toy: ToyName) {
	const h = presetHyper(toy);
	const r = HYPER_RANGES;
	return {
		toy: { kind: 'enum', values: LAB_TOYS, default: 'grokking' },
		preset: { kind: 'enum', values: [AUTO_PRESET, ...presetNames(toy)], default: AUTO_PRESET },
		seed: { kind: 'int', min: 0, max: 999_999, default: 1 },
		weightDecay: { kind: 'number', min: r.weightDecay.min, max: r.weightDecay.max, default: h.weightDecay, digits: 3 },
		noise: { kind: 'number', min: r.noise.min, max: r.noise.max, default: h.noise, digits: 3 },
		lr: { kind: 'number', min: r.lr.min, max: r.lr.max, default: h.lr, log: true, digits: 3 },
		// Forecast: auto-intervene (off by default) raises weight decay to interveneWd on a "no escape" forecast.
		autoIntervene: { kind: 'bool', default: false },
		interveneWd: { kind: 'number', min: 0.05, max: r.weightDecay.max, default: 1, digits: 3 }
	} satisfies Schema;
}

export type LabSchema = ReturnType<typeof commonSchema>;
export interface LabState extends Omit<StateOf<LabSchema>, 'toy'> {
	toy: ToyName;
	/** SSL toy only. */
	data?: SslDataSource;
	tau?: number;
	/** Hyper-parameter changes at set steps (URL `schedule=weightDecay@1500=1,noise@3000=0`); absent when empty. */
	schedule?: Schedule;
}

/** The URL's schedule: garbage entries dropped, values clamped to the slider ranges (never throws). */
function decodeSchedule(params: URLSearchParams): { schedule?: Schedule } {
	const { schedule } = parseSchedule(params.get('schedule'), HYPER_RANGES);
	return schedule.length ? { schedule } : {};
}

function toyOf(params: URLSearchParams): ToyName {
	const raw = params.get('toy');
	return LAB_TOYS.find((t) => t === raw) ?? 'grokking';
}

export function decodeLab(params: URLSearchParams): LabState {
	const toy = toyOf(params);
	return { ...(decodeState(labSchema(toy), params) as unknown as LabState), toy, ...decodeSchedule(params) };
}

/** Writes only what differs from the toy's defaults (plus the toy itself when it is not the default). */
export function encodeLab(state: LabState, params = new URLSearchParams()): URLSearchParams {
	encodeState(labSchema(state.toy), state as unknown as StateOf<Schema>, params);
	const schedule = formatSchedule(state.schedule ?? []);
	if (schedule) {
		params.set('schedule', schedule);
		params.set('v', '1');
	} else params.delete('schedule');
	return params;
}

/** The defaults of a toy: its preset's hyper-parameters, automatic preset, seed 1. */
export function labDefaults(toy: ToyName): LabState {
	return decodeLab(new URLSearchParams({ toy }));
}

/** Clamp a patch into a valid state (switching toy resets the preset and hyper-parameters to the new toy's). */
export function patchLab(state: LabState, patch: Partial<LabState>): LabState {
	const switching = patch.toy !== undefined && patch.toy !== state.toy;
	const merged: LabState = switching ? { ...labDefaults(patch.toy!), seed: state.seed, ...patch } : { ...state, ...patch };
	return decodeLab(encodeLab(merged));
}

/**
 * A figure's URL state: a flat record of numbers, integers, enums and booleans, each with bounds and a default.
 * Decoding never throws: garbage, out-of-range or unknown values fall back to (or clamp towards) the defaults.
 * The schema carries a version `v`; a URL from another version is read field by field where the names still fit.
 */

export type FieldSpec =
	| { kind: 'number'; min: number; max: number; default: number; log?: boolean; digits?: number }
	| { kind: 'int'; min: number; max: number; default: number }
	| { kind: 'enum'; values: readonly string[]; default: string }
	| { kind: 'bool'; default: boolean };

export type Schema = Record<string, FieldSpec>;

/** The decoded value type of a schema: enum fields keep their literal union (`'two-blobs' | 'ring' | …`). */
export type StateOf<S extends Schema> = {
	[K in keyof S]: S[K] extends { kind: 'enum'; values: readonly (infer V)[] }
		? V
		: S[K] extends { kind: 'bool' }
			? boolean
			: number;
};

/** A number or int field's slider range, so a control never offers less or more than its URL state accepts. */
export interface SliderRange {
	min: number;
	max: number;
	log: boolean;
	step?: number;
}

export function sliderRange(f: FieldSpec): SliderRange {
	if (f.kind === 'int') return { min: f.min, max: f.max, log: false, step: 1 };
	if (f.kind === 'number') return { min: f.min, max: f.max, log: f.log ?? false };
	throw new Error(`sliderRange: a ${f.kind} field has no range`);
}

const STATE_VERSION = 1;

export function defaults<S extends Schema>(schema: S): StateOf<S> {
	const out: Record<string, unknown> = {};
	for (const [k, f] of Object.entries(schema)) out[k] = f.default;
	return out as StateOf<S>;
}

/** Clamp one value to its field; anything unusable becomes the default. */
function clampField(f: FieldSpec, value: unknown): number | string | boolean {
	switch (f.kind) {
		case 'number': {
			const x = typeof value === 'number' ? value : Number.NaN;
			if (!Number.isFinite(x)) return f.default;
			return Math.min(f.max, Math.max(f.min, x));
		}
		case 'int': {
			const x = typeof value === 'number' ? Math.round(value) : Number.NaN;
			if (!Number.isFinite(x)) return f.default;
			return Math.min(f.max, Math.max(f.min, x));
		}
		case 'enum':
			return typeof value === 'string' && f.values.includes(value) ? value : f.default;
		case 'bool':
			return typeof value === 'boolean' ? value : f.default;
	}
}

export function clampState<S extends Schema>(schema: S, state: Partial<Record<keyof S, unknown>>): StateOf<S> {
	const out: Record<string, unknown> = {};
	for (const [k, f] of Object.entries(schema)) out[k] = clampField(f, state[k as keyof S]);
	return out as StateOf<S>;
}

function parseRaw(f: FieldSpec, raw: string): unknown {
	switch (f.kind) {
		case 'number':
		case 'int':
			return raw.trim() === '' ? Number.NaN : Number(raw);
		case 'enum':
			return raw;
		case 'bool':
			return raw === '1' || raw === 'true' ? true : raw === '0' || raw === 'false' ? false : undefined;
	}
}

function formatField(f: FieldSpec, value: number | string | boolean): string {
	if (f.kind === 'bool') return value ? '1' : '0';
	if (f.kind === 'number') return String(Number((value as number).toPrecision(f.digits ?? 4)));
	return String(value);
}

/** Read a state from URL search params; keys may carry a prefix (`pitchfork.beta`) so several figures share a URL. */
export function decodeState<S extends Schema>(schema: S, params: URLSearchParams, prefix = ''): StateOf<S> {
	const raw: Record<string, unknown> = {};
	for (const [k, f] of Object.entries(schema)) {
		const v = params.get(prefix + k);
		if (v !== null) raw[k] = parseRaw(f, v);
	}
	return clampState(schema, raw as Partial<Record<keyof S, unknown>>);
}

/** Write only the fields that differ from the defaults (short links), plus the version. */
export function encodeState<S extends Schema>(
	schema: S,
	state: StateOf<S>,
	params = new URLSearchParams(),
	prefix = ''
): URLSearchParams {
	let any = false;
	for (const [k, f] of Object.entries(schema)) {
		const key = prefix + k;
		const value = state[k as keyof S] as number | string | boolean;
		if (formatField(f, value) === formatField(f, f.default)) params.delete(key);
		else {
			params.set(key, formatField(f, value));
			any = true;
		}
	}
	if (any) params.set('v', String(STATE_VERSION));
	return params;
}

import { describe, expect, it } from 'vitest';
import { clampState, decodeState, defaults, encodeState, type Schema } from './schema';
import { FIGURE_SCHEMAS } from './figures';

const schema = {
	beta: { kind: 'number', min: 0.01, max: 100, default: 0.5, log: true },
	k: { kind: 'int', min: 1, max: 8, default: 2 },
	data: { kind: 'enum', values: ['blobs', 'ring'], default: 'blobs' },
	show: { kind: 'bool', default: true }
} satisfies Schema;

describe('URL state schema', () => {
	it('round-trips a state through the URL', () => {
		const s = { beta: 3.25, k: 5, data: 'ring', show: false };
		const p = encodeState(schema, s);
		expect(p.get('v')).toBe('1');
		expect(decodeState(schema, new URLSearchParams(p.toString()))).toEqual(s);
	});

	it('omits defaults so links stay short', () => {
		expect(encodeState(schema, defaults(schema)).toString()).toBe('');
	});

	it('clamps out-of-range values and rejects garbage', () => {
		const p = new URLSearchParams('beta=1e9&k=-4&data=<script>&show=maybe');
		expect(decodeState(schema, p)).toEqual({ beta: 100, k: 1, data: 'blobs', show: true });
		expect(decodeState(schema, new URLSearchParams('beta=NaN&k=Infinity'))).toEqual(defaults(schema));
		expect(decodeState(schema, new URLSearchParams('beta=&k=2.6'))).toEqual({ ...defaults(schema), k: 3 });
	});

	it('keeps prefixed figures apart in one URL', () => {
		const p = encodeState(schema, { ...defaults(schema), k: 4 }, new URLSearchParams(), 'a.');
		encodeState(schema, { ...defaults(schema), k: 6 }, p, 'b.');
		expect(decodeState(schema, p, 'a.').k).toBe(4);
		expect(decodeState(schema, p, 'b.').k).toBe(6);
	});

	it('never throws on fuzzed garbage, for every figure schema', () => {
		let seed = 12345;
		const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
		const junk = ['', 'NaN', '-Infinity', '1e400', '%', '\u0000', '🙂', 'true', '0x10', ' 3 ', '[]', '{}', 'null'];
		for (const [name, sch] of Object.entries(FIGURE_SCHEMAS)) {
			for (let i = 0; i < 300; i++) {
				const p = new URLSearchParams();
				for (const key of Object.keys(sch)) {
					if (rnd() < 0.7) p.set(key, rnd() < 0.5 ? junk[Math.floor(rnd() * junk.length)] : String((rnd() - 0.5) * 10 ** (rnd() * 12)));
				}
				const st = decodeState(sch, p) as Record<string, unknown>;
				for (const [key, f] of Object.entries(sch)) {
					const v = st[key];
					if (f.kind === 'number' || f.kind === 'int') {
						expect(Number.isFinite(v), `${name}.${key}`).toBe(true);
						expect(v as number).toBeGreaterThanOrEqual(f.min);
						expect(v as number).toBeLessThanOrEqual(f.max);
					} else if (f.kind === 'enum') expect(f.values).toContain(v);
					else expect(typeof v).toBe('boolean');
				}
				expect(clampState(sch, st)).toEqual(st);
			}
		}
	});
});

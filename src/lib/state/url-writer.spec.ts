import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { createUrlWriter, URL_WRITE_DELAY_MS } from './url-writer';
import { FIGURE_SCHEMAS, type CloudKind } from './figures';
import { decodeState, sliderRange, type Schema, type StateOf } from './schema';
import urlStateSource from './url-state.svelte.ts?raw';
import labSettingsSource from '$lib/lab/lab-settings.svelte.ts?raw';

describe('createUrlWriter (the one debouncer behind figure and lab URL state)', () => {
	let href = 'https://example.test/lab?old=1';
	const replaceState = vi.fn((_state: unknown, _title: string, url: URL) => {
		href = url.toString();
	});

	beforeEach(() => {
		vi.useFakeTimers();
		href = 'https://example.test/lab?old=1';
		replaceState.mockClear();
		vi.stubGlobal('location', {
			get href() {
				return href;
			}
		});
		vi.stubGlobal('history', { state: null, replaceState });
	});
	afterEach(() => {
		vi.useRealTimers();
		vi.unstubAllGlobals();
	});

	it('writes once, after the delay, with the last edit only', () => {
		const w = createUrlWriter();
		w.schedule((u) => u.searchParams.set('a', '1'));
		vi.advanceTimersByTime(URL_WRITE_DELAY_MS - 1);
		w.schedule((u) => u.searchParams.set('b', '2'));
		vi.advanceTimersByTime(URL_WRITE_DELAY_MS - 1);
		expect(replaceState).not.toHaveBeenCalled();
		vi.advanceTimersByTime(1);
		expect(replaceState).toHaveBeenCalledTimes(1);
		expect(new URL(href).searchParams.toString()).toBe('old=1&b=2');
	});

	it('is the only debouncer: figure URL state and lab settings both use it, neither keeps its own timer', () => {
		for (const source of [urlStateSource, labSettingsSource]) {
			expect(source).toMatch(/createUrlWriter\(/);
			expect(source).not.toMatch(/setTimeout|clearTimeout/);
		}
	});

	it('cancel drops a pending write', () => {
		const w = createUrlWriter(10);
		w.schedule((u) => u.searchParams.set('a', '1'));
		w.cancel();
		vi.advanceTimersByTime(100);
		expect(replaceState).not.toHaveBeenCalled();
	});
});

describe('schema types and slider ranges', () => {
	it('StateOf keeps an enum field as its literal union', () => {
		const s = decodeState(FIGURE_SCHEMAS.pitchfork, new URLSearchParams('cloud=ring'));
		expectTypeOf(s.cloud).toEqualTypeOf<CloudKind>();
		const local = { mode: { kind: 'enum', values: ['ramp', 'plateau'] as const, default: 'ramp' } } satisfies Schema;
		expectTypeOf<StateOf<typeof local>['mode']>().toEqualTypeOf<'ramp' | 'plateau'>();
		expect(s.cloud).toBe('ring');
	});

	it('sliderRange follows the field: int → step 1, log number → log', () => {
		expect(sliderRange(FIGURE_SCHEMAS.pitchfork.k)).toEqual({ min: 2, max: 8, log: false, step: 1 });
		expect(sliderRange(FIGURE_SCHEMAS.cascade.rho)).toEqual({ min: 0.4, max: 20, log: true });
		expect(() => sliderRange(FIGURE_SCHEMAS.pitchfork.cloud)).toThrow(/no range/);
	});
});

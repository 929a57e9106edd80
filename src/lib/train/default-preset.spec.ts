import { describe, expect, it } from 'vitest';
import { defaultPresetName } from './presets';

describe('the automatic preset from the measured step time of the mid-sized preset', () => {
	it('keeps grokking-59 on wasm on a 2-core machine (3.6–4.5 ms) and takes 97 only where a 59 step is under 2 ms', () => {
		expect(defaultPresetName('grokking', undefined)).toBe('grokking-59');
		for (const ms of [2, 3.6, 4.5, 10, 60]) expect(defaultPresetName('grokking', ms)).toBe('grokking-59');
		expect(defaultPresetName('grokking', 1.2)).toBe('grokking-97');
		expect(defaultPresetName('grokking', 80)).toBe('grokking-small');
	});

	it('SAE: the small preset only on a slow backend; SSL: one preset', () => {
		expect(defaultPresetName('sae', 3)).toBe('sae');
		expect(defaultPresetName('sae', 50)).toBe('sae-small');
		expect(defaultPresetName('ssl', 1)).toBe('ssl');
	});
});

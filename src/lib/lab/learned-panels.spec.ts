import { describe, expect, it } from 'vitest';
import { formatPanels, parsePanels, withPanels } from './learned-panels';

describe('learned panels in the URL', () => {
	it('keeps known names in canonical order, once, and drops garbage', () => {
		expect(parsePanels('lottery,grid,bogus,grid,<script>, Spectrum')).toEqual(['grid', 'spectrum', 'lottery']);
	});
	it('is empty for nothing or only garbage', () => {
		expect(parsePanels(null)).toEqual([]);
		expect(parsePanels('')).toEqual([]);
		expect(parsePanels(',,x,clocks')).toEqual([]);
	});
	it('round-trips through the params and removes the key for none', () => {
		const params = withPanels(new URLSearchParams('preset=grokking-small'), ['try', 'clock', 'nope']);
		expect(params.get('panels')).toBe('clock,try');
		expect(parsePanels(params.get('panels'))).toEqual(['clock', 'try']);
		expect(withPanels(params, []).has('panels')).toBe(false);
		expect(formatPanels(['grid', 'grid'])).toBe('grid');
	});
});

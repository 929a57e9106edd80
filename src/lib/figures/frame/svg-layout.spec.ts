import { describe, expect, it } from 'vitest';
import { layoutCharts } from './svg-layout';

const opts = { top: 28, pad: 8, gap: 12 };

describe('layoutCharts', () => {
	it('puts one group in one row, left to right (the single-figure export)', () => {
		const { placed, width, height } = layoutCharts([[{ width: 100, height: 50 }, { width: 200, height: 80 }]], opts);
		expect(placed[0].map((p) => [p.x, p.y])).toEqual([[8, 28], [120, 28]]);
		expect(width).toBe(8 + 100 + 12 + 200 + 8);
		expect(height).toBe(28 + 80 + 8);
	});
	it('starts each group on a new row and wraps past maxWidth', () => {
		const row = [{ width: 300, height: 100 }, { width: 300, height: 60 }, { width: 300, height: 40 }];
		const { placed, width, height } = layoutCharts([row, [{ width: 50, height: 50 }]], { ...opts, maxWidth: 700 });
		expect(placed[0].map((p) => [p.x, p.y])).toEqual([[8, 28], [320, 28], [8, 140]]);
		expect(placed[1][0]).toMatchObject({ x: 8, y: 192 });
		expect(width).toBe(8 + 300 + 12 + 300 + 8);
		expect(height).toBe(192 + 50 + 8);
	});
	it('skips empty groups', () => {
		const { placed, height } = layoutCharts([[], [{ width: 10, height: 10 }]], opts);
		expect(placed[1][0].y).toBe(28);
		expect(height).toBe(28 + 10 + 8);
	});
});

import { describe, expect, it } from 'vitest';
import { ABOVE, BELOW, ruleLabelBaselines } from './rule-labels';

const FONT = 10;
const GAP = 2;
const box = (baseline: number) => [baseline - FONT, baseline] as const;

/** True when the two labels' boxes are closer than `GAP` (they touch or overlap). */
function collide(a: number, b: number): boolean {
	const [a0, a1] = box(a);
	const [b0, b1] = box(b);
	return Math.max(a0, b0) < Math.min(a1, b1) + GAP;
}

describe('ruleLabelBaselines', () => {
	const lo = 0;
	const hi = 252;

	it('keeps labels of two lines apart for every pair of heights, inside the drawing and next to their lines', () => {
		for (let a = 0; a <= 254; a += 1.5) {
			for (let b = 0; b <= 254; b += 3.7) {
				const [pa, pb] = ruleLabelBaselines([a, b], { fontSize: FONT, gap: GAP, lo, hi });
				expect(collide(pa, pb), `lines at ${a} and ${b}: labels at ${pa} and ${pb}`).toBe(false);
				for (const [p, line] of [
					[pa, a],
					[pb, b]
				]) {
					expect(p).toBeGreaterThanOrEqual(lo);
					expect(p).toBeLessThanOrEqual(hi);
					// Each label stays within two label heights of its own line.
					expect(Math.abs(p - line)).toBeLessThanOrEqual(2 * (FONT + GAP) + ABOVE + BELOW);
				}
			}
		}
	});

	it('writes both labels above their lines when there is room, and splits them around the lines when not', () => {
		expect(ruleLabelBaselines([50, 150], { lo, hi })).toEqual([50 - ABOVE, 150 - ABOVE]);
		// Equal values (e.g. the all-atom mean at chance): the first above, the second below the shared line.
		expect(ruleLabelBaselines([100, 100], { lo, hi })).toEqual([100 - ABOVE, 100 + BELOW + FONT]);
		// Close values: the lower line's label goes under it.
		const [top, bottom] = ruleLabelBaselines([100, 105], { lo, hi });
		expect(top).toBe(100 - ABOVE);
		expect(bottom).toBe(105 + BELOW + FONT);
	});

	it('returns labels in the order of the lines given, and stacks three coincident lines', () => {
		const out = ruleLabelBaselines([120, 40, 120, 120], { lo, hi });
		expect(out[1]).toBe(40 - ABOVE);
		const rest = [out[0], out[2], out[3]].sort((x, y) => x - y);
		for (let k = 1; k < rest.length; k++) expect(rest[k] - rest[k - 1]).toBeGreaterThanOrEqual(FONT + GAP);
	});

	it('moves labels up from the bottom edge rather than drawing them under the axis', () => {
		const [a, b] = ruleLabelBaselines([250, 252], { lo, hi });
		expect(Math.max(a, b)).toBeLessThanOrEqual(hi);
		expect(collide(a, b)).toBe(false);
	});

	it('leaves a non-finite line without a label position', () => {
		expect(ruleLabelBaselines([NaN, 30], { lo, hi })).toEqual([NaN, 30 - ABOVE]);
	});
});

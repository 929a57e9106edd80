/**
 * Where to write the labels of horizontal reference lines so that they never collide (e.g. the lottery scatter's
 * "chance" and "all-atom mean" when the two values are close). Pure layout, in the chart's inner pixels (y down);
 * a label's baseline is returned and its text occupies [baseline − fontSize, baseline].
 */
export interface RuleLabelOptions {
	/** Label font size in px (the height a label occupies). */
	fontSize?: number;
	/** Minimum empty space between two labels, px. */
	gap?: number;
	/** Smallest and largest allowed baseline (keep labels inside the drawing). */
	lo: number;
	hi: number;
}

/** Space between a line and a label written above it (baseline) or below it (top of the text). */
export const ABOVE = 4;
export const BELOW = 3;

/**
 * Baselines for the labels of lines at pixel heights `linePx` (any order; the result is in the same order). Each
 * label goes just above its line; when that would touch the label of the line above it, it goes just below its own
 * line instead; whatever still collides (or leaves [lo, hi]) is pushed apart by at least `fontSize + gap`.
 */
export function ruleLabelBaselines(linePx: readonly number[], { fontSize = 10, gap = 2, lo, hi }: RuleLabelOptions): number[] {
	const step = fontSize + gap;
	const order = linePx.map((_, i) => i).filter((i) => Number.isFinite(linePx[i])).sort((a, b) => linePx[a] - linePx[b]);
	const pos: number[] = linePx.map(() => NaN);
	let prev = -Infinity;
	for (const i of order) {
		const above = linePx[i] - ABOVE;
		const below = linePx[i] + BELOW + fontSize;
		const want = above - prev >= step ? above : below;
		pos[i] = Math.max(want, prev + step, lo);
		prev = pos[i];
	}
	// Pushed past the bottom: move up from the last label, keeping the gaps.
	let next = Infinity;
	for (let k = order.length - 1; k >= 0; k--) {
		const i = order[k];
		pos[i] = Math.min(pos[i], hi, next - step);
		next = pos[i];
	}
	return pos;
}

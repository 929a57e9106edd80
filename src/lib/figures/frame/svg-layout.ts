/**
 * Where each chart goes in an exported SVG: groups (one per part of a page, e.g. the lab's charts and its "what the
 * network learned" panels) start on a new row; inside a group charts go left to right and wrap past maxWidth.
 * Pure (boxes in, positions out) so it is testable in Node.
 */
export interface Box {
	width: number;
	height: number;
}

export interface Placed extends Box {
	x: number;
	y: number;
}

export function layoutCharts(groups: readonly (readonly Box[])[], opts: { top: number; pad: number; gap: number; maxWidth?: number }): { placed: Placed[][]; width: number; height: number } {
	const { top, pad, gap, maxWidth = Infinity } = opts;
	let y = top;
	let width = 0;
	const placed = groups.map((boxes) => {
		let x = pad;
		let rowHeight = 0;
		const out: Placed[] = [];
		for (const b of boxes) {
			if (x > pad && x + b.width > maxWidth - pad) {
				y += rowHeight + gap;
				x = pad;
				rowHeight = 0;
			}
			out.push({ ...b, x, y });
			x += b.width + gap;
			rowHeight = Math.max(rowHeight, b.height);
			width = Math.max(width, x - gap + pad);
		}
		if (out.length) y += rowHeight + gap;
		return out;
	});
	return { placed, width: Math.max(1, width), height: Math.max(y - gap, top) + pad };
}

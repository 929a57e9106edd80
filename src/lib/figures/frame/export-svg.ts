/**
 * Serialise the SVG charts of a figure into one standalone SVG (computed styles inlined), and rasterise it to PNG.
 * Browser-only helpers (they read computed styles); no figure logic here.
 */
import { layoutCharts } from './svg-layout';

const STYLE_PROPS = [
	'fill',
	'fill-opacity',
	'stroke',
	'stroke-width',
	'stroke-opacity',
	'stroke-dasharray',
	'opacity',
	'font-size',
	'font-family',
	'font-weight',
	'text-anchor',
	'dominant-baseline',
	'visibility'
];

function inlineStyles(source: Element, target: Element) {
	const cs = getComputedStyle(source);
	const style = STYLE_PROPS.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';');
	target.setAttribute('style', style);
	for (let i = 0; i < source.children.length; i++) inlineStyles(source.children[i], target.children[i]);
}

/** One SVG string holding every `svg[data-export]` inside `root`, laid out left to right. */
export function figureToSvg(root: HTMLElement, title: string): { svg: string; width: number; height: number } {
	return figuresToSvg([root], title);
}

/**
 * One SVG string holding every `svg[data-export]` inside each of `roots`: each root starts a new row, and its charts
 * wrap past maxWidth (svg-layout.ts).
 */
export function figuresToSvg(roots: readonly (HTMLElement | undefined)[], title: string, maxWidth = Infinity): { svg: string; width: number; height: number } {
	const PAD = 8;
	const groups = roots.map((root) => (root ? Array.from(root.querySelectorAll<SVGSVGElement>('svg[data-export]')) : []));
	const boxes = groups.map((charts) =>
		charts.map((c) => {
			const box = c.getBoundingClientRect();
			return { width: box.width, height: box.height };
		})
	);
	const { placed, width, height } = layoutCharts(boxes, { top: 28, pad: PAD, gap: 12, maxWidth });
	const parts: string[] = [];
	groups.forEach((charts, g) =>
		charts.forEach((chart, i) => {
			const at = placed[g][i];
			const clone = chart.cloneNode(true) as SVGSVGElement;
			inlineStyles(chart, clone);
			clone.setAttribute('x', String(at.x));
			clone.setAttribute('y', String(at.y));
			clone.setAttribute('width', String(at.width));
			clone.setAttribute('height', String(at.height));
			parts.push(new XMLSerializer().serializeToString(clone));
		})
	);
	const esc = title.replace(/[<&>]/g, (c) => ({ '<': '&lt;', '&': '&amp;', '>': '&gt;' })[c] as string);
	const svg =
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
		`<rect width="100%" height="100%" fill="#fff"/>` +
		`<text x="${PAD}" y="18" font-family="system-ui, sans-serif" font-size="14" font-weight="600">${esc}</text>` +
		parts.join('') +
		`</svg>`;
	return { svg, width, height };
}

export function download(blob: Blob, filename: string) {
	const a = document.createElement('a');
	a.href = URL.createObjectURL(blob);
	a.download = filename;
	a.click();
	setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** Rasterise an SVG string at `scale`× into a PNG blob. */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
	const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
	try {
		const img = new Image();
		img.src = url;
		await img.decode();
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(width * scale);
		canvas.height = Math.round(height * scale);
		const ctx = canvas.getContext('2d');
		if (!ctx) throw new Error('no 2D canvas');
		ctx.scale(scale, scale);
		ctx.drawImage(img, 0, 0, width, height);
		return await new Promise<Blob>((res, rej) => canvas.toBlob((b) => (b ? res(b) : rej(new Error('PNG export failed'))), 'image/png'));
	} finally {
		URL.revokeObjectURL(url);
	}
}

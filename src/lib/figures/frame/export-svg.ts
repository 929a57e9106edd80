/**
 * Serialise the SVG charts of a figure into one standalone SVG (computed styles inlined), and rasterise it to PNG.
 * Browser-only helpers (they read computed styles); no figure logic here.
 */
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
	const charts = Array.from(root.querySelectorAll<SVGSVGElement>('svg[data-export]'));
	const PAD = 8;
	let x = PAD;
	let height = 0;
	const parts: string[] = [];
	for (const chart of charts) {
		const box = chart.getBoundingClientRect();
		const clone = chart.cloneNode(true) as SVGSVGElement;
		inlineStyles(chart, clone);
		clone.setAttribute('x', String(x));
		clone.setAttribute('y', '28');
		clone.setAttribute('width', String(box.width));
		clone.setAttribute('height', String(box.height));
		parts.push(new XMLSerializer().serializeToString(clone));
		x += box.width + 12;
		height = Math.max(height, box.height);
	}
	const width = Math.max(1, x - 12 + PAD);
	height += 24 + PAD;
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

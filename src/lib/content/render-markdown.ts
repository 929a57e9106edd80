/**
 * Build-time Markdown + TeX → HTML for the article (runs during prerender only; KaTeX never ships to the browser).
 * Math: `$…$` inline, `$$…$$` display. Figure slots: a line `::figure{name}` on its own. Data tables: a line
 * `::table{name}` is replaced by the Markdown that `tables[name]` holds (computed from content/data at build time);
 * an unknown table name fails the build rather than printing nothing.
 */
import { Marked, type TokenizerAndRendererExtension } from 'marked';
import katex from 'katex';

export type ArticlePart = { kind: 'html'; html: string } | { kind: 'figure'; name: string };

function tex(src: string, displayMode: boolean): string {
	// htmlAndMathml: the MathML copy is what screen readers read.
	return katex.renderToString(src, { displayMode, throwOnError: true, output: 'htmlAndMathml', strict: 'warn' });
}

const displayMath: TokenizerAndRendererExtension = {
	name: 'displayMath',
	level: 'block',
	start: (src) => src.indexOf('$$'),
	tokenizer(src) {
		const m = /^\$\$([\s\S]+?)\$\$(?:\n|$)/.exec(src);
		if (m) return { type: 'displayMath', raw: m[0], text: m[1].trim() };
	},
	// A focusable box so a keyboard user can scroll a formula wider than a phone screen.
	renderer: (token) =>
		`<div class="math-display" data-math-scroll tabindex="0" role="group" aria-label="formula">${tex(token.text as string, true)}</div>\n`
};

const inlineMath: TokenizerAndRendererExtension = {
	name: 'inlineMath',
	level: 'inline',
	start: (src) => src.indexOf('$'),
	tokenizer(src) {
		const m = /^\$(?!\$)((?:\\.|[^\\$])+?)\$/.exec(src);
		if (m) return { type: 'inlineMath', raw: m[0], text: m[1] };
	},
	renderer: (token) => tex(token.text as string, false)
};

const FIGURE_LINE = /^::figure\{([a-z0-9-]+)\}[ \t]*$/gm;
const TABLE_LINE = /^::table\{([a-z0-9-]+)\}[ \t]*$/gm;

/** Tables scroll sideways inside a focusable region (keyboard users can scroll them; axe: scrollable-region-focusable). */
function scrollableTables(html: string): string {
	return html
		.replace(/<table(\s[^>]*)?>/g, (t) => `<div class="table-scroll" tabindex="0" role="region" aria-label="data table">\n${t}`)
		.replace(/<\/table>/g, '</table>\n</div>');
}

/** Render one Markdown document into HTML parts with figure slots between them. */
export function renderArticle(source: string, tables: Record<string, string> = {}): ArticlePart[] {
	const markdown = source.replace(TABLE_LINE, (_, name: string) => {
		if (!(name in tables)) throw new Error(`::table{${name}}: no such data table (known: ${Object.keys(tables).join(', ') || 'none'})`);
		return tables[name];
	});
	const marked = new Marked({ gfm: true, extensions: [displayMath, inlineMath] });
	const parts: ArticlePart[] = [];
	let last = 0;
	for (const m of markdown.matchAll(FIGURE_LINE)) {
		const before = markdown.slice(last, m.index);
		if (before.trim()) parts.push({ kind: 'html', html: scrollableTables(marked.parse(before, { async: false }) as string) });
		parts.push({ kind: 'figure', name: m[1] });
		last = (m.index ?? 0) + m[0].length;
	}
	const rest = markdown.slice(last);
	if (rest.trim()) parts.push({ kind: 'html', html: scrollableTables(marked.parse(rest, { async: false }) as string) });
	return parts;
}

/** Render a TeX string (for captions and live formula templates built at prerender time). */
export { tex as renderTex };

import { describe, expect, it } from 'vitest';
import { renderArticle } from './render-markdown';

describe('renderArticle', () => {
	it('renders inline and display TeX with KaTeX and splits at figure slots', () => {
		const parts = renderArticle('Text with $\\beta_c = 1/\\lambda_1$.\n\n::figure{pitchfork}\n\n$$\nF = \\tfrac12 \\operatorname{tr}\\Sigma\n$$\n');
		expect(parts.map((p) => p.kind)).toEqual(['html', 'figure', 'html']);
		expect(parts[0].kind === 'html' && parts[0].html).toContain('class="katex"');
		expect(parts[1]).toEqual({ kind: 'figure', name: 'pitchfork' });
		expect(parts[2].kind === 'html' && parts[2].html).toContain('katex-display');
	});

	it('leaves a lone dollar sign alone and fails loudly on broken TeX', () => {
		expect(renderArticle('costs $5 only')[0]).toMatchObject({ kind: 'html' });
		expect(() => renderArticle('$\\frac{1}{$')).toThrow();
	});

	it('replaces ::table{name} with computed Markdown and refuses unknown tables', () => {
		const parts = renderArticle('Before.\n\n::table{t}\n\nAfter.', { t: '| a | b |\n|---|---|\n| 1 | 2 |' });
		expect(parts[0].kind === 'html' && parts[0].html).toContain('<table>');
		expect(() => renderArticle('::table{missing}', {})).toThrow(/no such data table/);
		// consecutive tables with HTML between them stay separate blocks, and Markdown after them is still parsed
		const two = renderArticle('::table{t}\n\n::table{t}\n\n**bold**', { t: '| a |\n|---|\n| 1 |\n\n<p class="p">x</p>' });
		const html = two.map((p) => (p.kind === 'html' ? p.html : '')).join('');
		expect(html.match(/<table>/g)?.length).toBe(2);
		expect(html).toContain('<strong>bold</strong>');
	});
});

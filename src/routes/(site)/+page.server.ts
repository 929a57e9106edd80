import { renderArticle, type ArticlePart } from '$lib/content/render-markdown';

// Article sections, rendered (Markdown + KaTeX) at build time; file names give the order.
const files = import.meta.glob('/content/*.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export function load(): { parts: ArticlePart[] } {
	const parts = Object.keys(files)
		.sort()
		.flatMap((f) => renderArticle(files[f]));
	return { parts };
}

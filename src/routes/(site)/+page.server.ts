import { renderArticle, type ArticlePart } from '$lib/content/render-markdown';
import { dataTables } from '$lib/content/data-tables';
import type { SweepDocument } from '$lib/content/sweep-table';

// Article sections, rendered (Markdown + KaTeX) at build time; file names give the order.
const files = import.meta.glob('/content/*.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
// Measured runs (npm run train -- … --out content/data/NAME.json), keyed by NAME.
const data = import.meta.glob('/content/data/*.json', { import: 'default', eager: true }) as Record<string, SweepDocument>;
const docs = Object.fromEntries(Object.entries(data).map(([path, doc]) => [path.replace(/^.*\/|\.json$/g, ''), doc]));

export function load(): { parts: ArticlePart[] } {
	const parts = Object.keys(files)
		.sort()
		.flatMap((f) => renderArticle(files[f], dataTables(docs)));
	return { parts };
}

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createRequire } from 'node:module';
import { openPage, useBrowser } from './browser';
import { FIGURE_NAMES } from '../../src/lib/state/figures';

/** axe-core, the standard accessibility checker, on every route and embed: no serious or critical violation. */

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

const browser = useBrowser();

interface Violation {
	id: string;
	impact: string | null;
	help: string;
	nodes: { target: string[] }[];
}

async function seriousViolations(page: Page): Promise<string[]> {
	await page.addScriptTag({ path: AXE });
	const violations = (await page.evaluate(async () => {
		const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: unknown[] }> } }).axe;
		return (await axe.run(document, { resultTypes: ['violations'] })).violations;
	})) as Violation[];
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical' || ALWAYS.includes(v.id))
		.map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
}

/** Page-structure rules that count whatever their impact: an embed alone in an iframe is still a page. */
const ALWAYS = ['landmark-one-main', 'page-has-heading-one', 'region'];

const ROUTES = ['/', '/lab?preset=grokking-small', '/embed/lab?preset=grokking-small&v=1', ...FIGURE_NAMES.map((f) => `/embed/${f}`)];

describe('accessibility (axe-core)', () => {
	for (const route of ROUTES) {
		it(`${route}: zero serious or critical violations`, async () => {
			const { page } = await openPage(browser(), route);
			if (route.startsWith('/lab')) await page.waitForSelector('[data-figure="lab"][data-snapshots]:not([data-snapshots="0"])', { timeout: 120_000 });
			if (route.startsWith('/embed/lab')) await page.waitForSelector('[data-figure="embed-lab"][data-step]:not([data-step="0"])', { timeout: 120_000 });
			expect(await seriousViolations(page)).toEqual([]);
			await page.close();
		}, 150_000);
	}

	it('display math scrolls inside a focusable box on a 390 px phone', async () => {
		const { page } = await openPage(browser(), '/', { width: 390, height: 844 });
		const boxes = page.locator('.katex-display');
		expect(await boxes.count()).toBeGreaterThan(0);
		const cut = await boxes.evaluateAll((els) =>
			els
				.map((el) => {
					const host = el.closest('[data-math-scroll]') as HTMLElement | null;
					const r = (host ?? el).getBoundingClientRect();
					return { right: r.right, focusable: host?.tabIndex === 0, scrolls: host ? getComputedStyle(host).overflowX : '' };
				})
				.filter((b) => b.right > 390 + 1 || !b.focusable || b.scrolls !== 'auto')
		);
		expect(cut).toEqual([]);
		await page.close();
	});
});

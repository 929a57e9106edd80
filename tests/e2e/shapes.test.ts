// The shapes figure in real Chromium: /embed/shapes loads every saved run with zero console errors, and a run can
// be picked with the keyboard (URL state).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

import { SCREENSHOT_DIR, openPage, useBrowser } from './browser';
import type { ShapesFile } from '../../src/lib/content/shapes-extract';

const browser = useBrowser();

// What the build wrote from content/data (scripts/extract-trajectories.ts): the figure must draw all of it.
const built = JSON.parse(readFileSync('build/data/shapes-trajectories.json', 'utf8')) as ShapesFile;

describe('shapes figure', () => {
	it('/embed/shapes draws every saved run, names the shapes, zero console errors, no outside requests', async () => {
		const { page, errors, requests } = await openPage(browser(), '/embed/shapes');
		const fig = page.locator('[data-figure="shapes"][data-loaded="true"]');
		await fig.waitFor();
		expect(built.runs.length).toBeGreaterThan(10);
		expect(Number(await fig.getAttribute('data-runs'))).toBe(built.runs.length);
		const shown = ((await fig.getAttribute('data-shapes')) ?? '').split(',');
		expect(new Set(shown)).toEqual(new Set(built.runs.map((r) => r.events.shape)));
		expect(shown).toContain('runaway'); // weight decay 0
		expect(shown).toContain('delayed-escape'); // weight decay 0.3 and 1
		// The paper's four shapes are listed, each with a count or "does not occur".
		for (const tag of ['full-v', 'fold-back', 'delayed-escape', 'no-arc']) {
			const li = fig.locator(`li[data-shape="${tag}"]`);
			expect(await li.count()).toBe(1);
			const n = Number(await li.getAttribute('data-count'));
			expect(n).toBe(built.runs.filter((r) => r.events.shape === tag).length);
			if (n === 0) expect(await li.textContent()).toContain('does not occur');
		}
		await page.screenshot({ path: `${SCREENSHOT_DIR}/embed-shapes.png`, fullPage: true });
		expect(errors).toEqual([]);
		expect(requests).toEqual([]);
		await page.close();
	});

	it('selecting a run updates its tag and the link; a malformed run index is clamped', async () => {
		const { page, errors } = await openPage(browser(), '/embed/shapes?run=0');
		const fig = page.locator('[data-figure="shapes"][data-loaded="true"]');
		await fig.waitFor();
		expect(await fig.getAttribute('data-run')).toBe('0');
		expect(await fig.getAttribute('data-run-shape')).toBe(built.runs[0].events.shape);
		await fig.locator('select').selectOption('4');
		await page.waitForTimeout(200);
		expect(await fig.getAttribute('data-run')).toBe('4');
		expect(await fig.getAttribute('data-run-shape')).toBe(built.runs[4].events.shape);
		expect(page.url()).toContain('run=4');
		await page.close();
		const bad = await openPage(browser(), '/embed/shapes?run=banana');
		await bad.page.locator('[data-figure="shapes"][data-loaded="true"]').waitFor();
		expect(Number(await bad.page.locator('[data-figure="shapes"]').getAttribute('data-run'))).toBeGreaterThanOrEqual(0);
		expect(errors.concat(bad.errors)).toEqual([]);
		await bad.page.close();
	});
});

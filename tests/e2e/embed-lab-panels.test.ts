import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { SCREENSHOT_DIR, openPage, useBrowser } from './browser';
import { LAB } from './lab-page';

/**
 * "What the network learned" outside the lab page: in /embed/lab when the URL names the panels (none by default), in
 * the lab's "Copy embed code", and in the lab's CSV and SVG export. Real Chromium, grokking-small.
 */

const browser = useBrowser();

const EMBED = '[data-figure="embed-lab"]';
const CHARTS = { grid: '[data-chart="prediction-grid"]', spectrum: '[data-chart="fourier-spectrum"]', lottery: '[data-chart="frequency-lottery"]' };

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 120_000) {
	const t0 = Date.now();
	while (!(await check())) {
		if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 200));
	}
}

const count = (page: Page, sel: string) => page.locator(sel).count();
const num = async (page: Page, sel: string, name: string) => Number(await page.locator(sel).getAttribute(`data-${name}`));

describe('learned panels in /embed/lab', () => {
	it('shows only the panels the URL names (garbage dropped), with their data attributes', async () => {
		const { page, errors, requests } = await openPage(browser(), '/embed/lab?preset=grokking-small&panels=lottery,bogus,grid,grid,%3Cscript%3E&v=1');
		expect(await page.locator(EMBED).getAttribute('data-panels')).toBe('grid,lottery');
		// The lottery's early step is 5% of 1500 steps: wait until its keep share exists.
		await until('the frequency lottery', async () => (await count(page, CHARTS.lottery)) === 1 && (await page.locator(CHARTS.lottery).getAttribute('data-frequency-keep')) !== '');
		const testCorrect = await num(page, CHARTS.grid, 'test-correct');
		expect(testCorrect).toBeGreaterThanOrEqual(0);
		expect(testCorrect).toBeLessThanOrEqual(1);
		const keep = await num(page, CHARTS.lottery, 'frequency-keep');
		expect(keep).toBeGreaterThanOrEqual(0);
		expect(keep).toBeLessThanOrEqual(1);
		expect(await count(page, CHARTS.spectrum)).toBe(0);
		expect(await count(page, '[data-chart="neuron-clocks"]')).toBe(0);
		expect(await count(page, '[data-chart="try-it"]')).toBe(0);
		await page.screenshot({ path: `${SCREENSHOT_DIR}/embed-lab-panels.png`, fullPage: true });
		expect(errors).toEqual([]);
		expect(requests).toEqual([]);
		await page.close();
	});

	it('shows the spectrum and try-it when named, and no learned panel by default', async () => {
		const named = await openPage(browser(), '/embed/lab?preset=grokking-small&panels=spectrum,try&v=1');
		await until('the spectrum', async () => (await count(named.page, CHARTS.spectrum)) === 1);
		expect(Number(await named.page.locator(CHARTS.spectrum).getAttribute('data-key-frequencies'))).toBeGreaterThanOrEqual(1);
		const tryIt = named.page.locator('[data-chart="try-it"]');
		expect(await tryIt.locator('input').count()).toBe(2);
		await tryIt.getByLabel('a').fill('3');
		await tryIt.getByLabel('b').fill('4');
		await until('an answer', async () => /^\d+$/.test((await tryIt.getAttribute('data-answer')) ?? ''), 10_000);
		expect(await count(named.page, CHARTS.grid)).toBe(0);
		expect(named.errors).toEqual([]);
		await named.page.close();

		const plain = await openPage(browser(), '/embed/lab?preset=grokking-small&v=1');
		await until('a few snapshots', async () => Number(await plain.page.locator(EMBED).getAttribute('data-snapshots')) >= 3);
		for (const sel of Object.values(CHARTS)) expect(await count(plain.page, sel)).toBe(0);
		expect(await plain.page.locator(EMBED).getAttribute('data-panels')).toBe('');
		expect(plain.errors).toEqual([]);
		await plain.page.close();
	});
});

describe('all five panels in the embed', () => {
	it('render together with no serious or critical axe violation', async () => {
		const { page, errors } = await openPage(browser(), '/embed/lab?preset=grokking-small&panels=grid,spectrum,clock,try,lottery&v=1');
		await until('the frequency lottery', async () => ((await page.locator(CHARTS.lottery).getAttribute('data-frequency-keep').catch(() => null)) ?? '') !== '');
		for (const sel of [...Object.values(CHARTS), '[data-chart="neuron-clocks"]', '[data-chart="try-it"]']) expect(await count(page, sel)).toBe(1);
		await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
		const violations = (await page.evaluate(async () => {
			const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; impact: string | null }[] }> } }).axe;
			return (await axe.run(document, { resultTypes: ['violations'] })).violations;
		})) as { id: string; impact: string | null }[];
		expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
		expect(errors).toEqual([]);
		await page.close();
	});
});

describe('learned panels in the lab’s share and export', () => {
	it('carries the ticked panels into the embed code; CSV has the readouts; SVG has the learned charts', async () => {
		const base = inject('baseUrl');
		const context = await browser().newContext({ viewport: { width: 1200, height: 900 }, acceptDownloads: true });
		await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(String(e)));
		page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
		await page.goto(`${base}/lab?preset=grokking-small&seed=3&v=1`, { waitUntil: 'load' });
		const panels = page.locator('[data-control="embed-panels"]');
		await panels.getByLabel('prediction table').check();
		await panels.getByLabel('frequency lottery').check();
		await until('a few snapshots', async () => Number(await page.locator(LAB).getAttribute('data-snapshots')) >= 5);
		await page.click('[data-control="copy-embed"]');
		await until('the copied notice', async () => ((await page.locator('.share .notice').textContent()) ?? '').includes('copied'), 10_000);
		const code = await page.evaluate(() => navigator.clipboard.readText());
		const src = /<iframe src="([^"]+)"/.exec(code)?.[1] ?? '';
		expect(new URL(src).searchParams.get('panels')).toBe('grid,lottery');
		expect(new URL(src).searchParams.get('seed')).toBe('3');

		const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-control="csv"]')]);
		const text = await readFile((await csv.path()) as string, 'utf8');
		const [head, ...rows] = text.trim().split('\n');
		const cols = head.split(',');
		const at = (row: string, c: string) => row.split(',')[cols.indexOf(c)];
		for (const c of ['testCorrect', 'keyFrequencies', 'frequencyKeep']) expect(cols).toContain(c);
		const live = rows.filter((r) => r.startsWith('live'));
		expect(live.length).toBeGreaterThanOrEqual(5);
		for (const r of live) {
			const tc = Number(at(r, 'testCorrect'));
			expect(tc).toBeGreaterThanOrEqual(0);
			expect(tc).toBeLessThanOrEqual(1);
			expect(Number.isInteger(Number(at(r, 'keyFrequencies')))).toBe(true);
		}

		const [svg] = await Promise.all([page.waitForEvent('download'), page.click('[data-control="svg"]')]);
		const svgText = await readFile((await svg.path()) as string, 'utf8');
		expect(svgText).toContain("Table of the network's answers");
		expect(svgText).toContain('Share of Fourier power per frequency');
		expect(errors).toEqual([]);
		await context.close();
	});
});

describe('the Transformer preset in the browser', () => {
	// The MLP first, as the printed comparison's baseline.
	it.each(['grokking-small', 'grokking-transformer'])('%s groks to test accuracy 0.95 with its learned panels live', async (preset) => {
		const { page, errors, requests } = await openPage(browser(), `/embed/lab?preset=${preset}&panels=grid,spectrum&v=1`);
		const t0 = Date.now();
		await until(`${preset} to grok`, async () => Number((await page.locator(EMBED).getAttribute('data-test-acc')) || 0) >= 0.95, 300_000);
		expect(await page.locator(EMBED).getAttribute('data-preset')).toBe(preset);
		const step = await num(page, EMBED, 'step');
		// Not a timed assertion (benchmarks are scripts): printed for the report.
		console.log(`${preset}: test 95% by step ${step}, ${((Date.now() - t0) / 1000).toFixed(1)} s after load (backend ${await page.locator(EMBED).getAttribute('data-backend')})`);
		expect(await num(page, CHARTS.grid, 'test-correct')).toBeGreaterThan(0.9);
		expect(await num(page, CHARTS.spectrum, 'key-frequencies')).toBeGreaterThanOrEqual(1);
		await page.screenshot({ path: `${SCREENSHOT_DIR}/embed-lab-${preset}.png`, fullPage: true });
		expect(errors).toEqual([]);
		expect(requests).toEqual([]);
		await page.close();
	});
});

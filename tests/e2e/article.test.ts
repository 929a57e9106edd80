import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { SCREENSHOT_DIR, openPage, useBrowser } from './browser';
import type { SweepDocument } from '../../src/lib/content/sweep-table';
import { FIGURE_NAMES, FIGURE_SCHEMAS } from '../../src/lib/state/figures';

const browser = useBrowser();

const attr = (page: Page, fig: string, name: string) =>
	page.locator(`[data-figure="${fig}"]`).first().getAttribute(`data-${name}`);

async function pressOn(page: Page, selector: string, key: string, times = 1) {
	const el = page.locator(selector).first();
	await el.focus();
	for (let i = 0; i < times; i++) await el.press(key);
	await page.waitForTimeout(250);
}

describe('the article', () => {
	it('loads with KaTeX, every figure, zero console errors and no outside requests', async () => {
		const { page, errors, requests } = await openPage(browser(), '/');
		expect(await page.locator('.katex').count()).toBeGreaterThan(10);
		expect(await page.locator('.katex-error').count()).toBe(0);
		await page.screenshot({ path: `${SCREENSHOT_DIR}/article-top.png` });
		for (const name of FIGURE_NAMES) {
			const fig = page.locator(`[data-figure="${name}"]`);
			expect(await fig.count(), name).toBe(1);
			await fig.scrollIntoViewIfNeeded();
			await page.waitForTimeout(300);
			if (name === 'grokking') await page.waitForSelector('[data-figure="grokking"][data-loaded="true"]');
			await fig.screenshot({ path: `${SCREENSHOT_DIR}/article-${name}.png` });
		}
		expect(errors).toEqual([]);
		expect(requests).toEqual([]);
		await page.close();
	});

	it('pitchfork: moving β below and above β_c changes K_eff from 1 to ≥ 2', async () => {
		const { page, errors } = await openPage(browser(), '/');
		const slider = '[data-figure="pitchfork"] input[data-control="rho"]';
		await pressOn(page, slider, 'Home');
		expect(Number(await attr(page, 'pitchfork', 'rho'))).toBeLessThan(1);
		expect(Number(await attr(page, 'pitchfork', 'k-eff'))).toBe(1);
		expect(Number(await attr(page, 'pitchfork', 'spread'))).toBeLessThan(0.05);
		await pressOn(page, slider, 'End');
		expect(Number(await attr(page, 'pitchfork', 'rho'))).toBeGreaterThan(1);
		expect(Number(await attr(page, 'pitchfork', 'k-eff'))).toBeGreaterThanOrEqual(2);
		expect(Number(await attr(page, 'pitchfork', 'spread'))).toBeGreaterThan(0.3);
		// the state went into the URL
		await page.waitForTimeout(300);
		expect(page.url()).toContain('pitchfork.rho=');
		expect(errors).toEqual([]);
		await page.close();
	});

	it('pitchfork stepper: arrow keys step EM one iteration at a time', async () => {
		const { page, errors } = await openPage(browser(), '/?pitchfork.rho=1.5');
		const stepper = '[data-figure="pitchfork"] [data-control="stepper"]';
		const iter = () => page.locator(stepper).getAttribute('data-iteration');
		expect(await iter()).toBe('0');
		await pressOn(page, stepper, 'ArrowRight', 3);
		expect(await iter()).toBe('3');
		await pressOn(page, stepper, 'ArrowLeft');
		expect(await iter()).toBe('2');
		const gain = Number(await page.locator(stepper).getAttribute('data-gain'));
		expect(gain).toBeCloseTo(1.5, 1);
		expect(errors).toEqual([]);
		await page.close();
	});

	it('delay: raising the dissipation γ increases the lag', async () => {
		const { page, errors } = await openPage(browser(), '/');
		const slider = '[data-figure="delay"] input[data-control="gamma"]';
		await pressOn(page, slider, 'Home');
		await page.waitForTimeout(800);
		const lag0 = Number(await attr(page, 'delay', 'lag'));
		await pressOn(page, slider, 'PageUp', 3);
		await page.waitForTimeout(800);
		const lag1 = Number(await attr(page, 'delay', 'lag'));
		expect(lag0).toBeGreaterThan(1);
		expect(lag1).toBeGreaterThan(lag0);
		expect(errors).toEqual([]);
		await page.close();
	});

	it('grokking: the measured runs load from the site itself and show one run per weight decay', async () => {
		const { page, errors, requests } = await openPage(browser(), '/?grokking.seed=2');
		await page.waitForSelector('[data-figure="grokking"][data-loaded="true"]');
		expect(await attr(page, 'grokking', 'seed')).toBe('2');
		// The figure shows what the saved sweep says for seed 2 (facts about the data itself are checked by its own
		// validation, src/lib/content/sweep-validate.ts, not here).
		const doc = JSON.parse(readFileSync('content/data/grokking-sweep.json', 'utf8')) as SweepDocument;
		const seed2 = doc.runs.filter((r) => r.seed === 2);
		expect(await attr(page, 'grokking', 'weight-decays')).toBe(seed2.map((r) => r.weightDecay).join(' '));
		const lags = ((await attr(page, 'grokking', 'lags')) ?? '').split(' ');
		expect(lags).toEqual(seed2.map((r) => ('lag' in r.summary && typeof r.summary.lag === 'number' ? r.summary.lag.toFixed(2) : '')));
		expect(errors).toEqual([]);
		expect(requests).toEqual([]);
		await page.close();
	});

	it('garbage in the URL falls back to every default without errors', async () => {
		const { page, errors } = await openPage(
			browser(),
			'/?pitchfork.rho=abc&pitchfork.k=zz&pitchfork.n=&delay.sigma=1e999&delay.schedule=sideways&v=banana&hessian.cloud=%3Cscript%3E&hessian.rho=NaN'
		);
		const P = FIGURE_SCHEMAS.pitchfork;
		expect(Number(await attr(page, 'pitchfork', 'rho'))).toBe(P.rho.default);
		expect(Number(await attr(page, 'pitchfork', 'k'))).toBe(P.k.default);
		expect(await page.locator('[data-figure="pitchfork"] input[data-control="k"]').inputValue()).toBe(String(P.k.default));
		const H = FIGURE_SCHEMAS.hessian;
		expect(Number(await attr(page, 'hessian', 'rho'))).toBe(H.rho.default);
		expect(await page.locator('[data-figure="hessian"] select').first().inputValue()).toBe(H.cloud.default);
		const D = FIGURE_SCHEMAS.delay;
		expect(Number(await attr(page, 'delay', 'sigma'))).toBe(D.sigma.default);
		expect(await attr(page, 'delay', 'schedule')).toBe(D.schedule.default);
		expect(errors).toEqual([]);
		await page.close();
	});
});

describe('sharing and export', () => {
	it('copies a working iframe embed code and exports SVG and PNG', async () => {
		const context = await browser().newContext({ viewport: { width: 1200, height: 900 } });
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(String(e)));
		page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
		const base = (await import('vitest')).inject('baseUrl');
		await page.goto(base + '/?pitchfork.rho=2.5&pitchfork.k=3', { waitUntil: 'networkidle' });
		const fig = page.locator('[data-figure="pitchfork"]');
		await fig.getByRole('button', { name: 'Copy embed code' }).click();
		const code = await page.evaluate(() => navigator.clipboard.readText());
		const src = /<iframe src="([^"]+)"/.exec(code)?.[1] ?? '';
		expect(src).toContain('/embed/pitchfork?');
		expect(src).toContain('rho=2.5');
		expect(src).toContain('k=3');
		const height = Number(/height="(\d+)"/.exec(code)?.[1]);
		expect(height).toBeGreaterThanOrEqual((await fig.evaluate((e) => e.scrollHeight)) + 20);
		// the embed reproduces the view
		const embed = await context.newPage();
		await embed.goto(src, { waitUntil: 'networkidle' });
		expect(await embed.locator('[data-figure="pitchfork"]').getAttribute('data-rho')).toBe('2.500');
		expect(await embed.locator('[data-figure="pitchfork"]').getAttribute('data-k')).toBe('3');
		const [svg] = await Promise.all([page.waitForEvent('download'), fig.getByRole('button', { name: 'SVG' }).click()]);
		expect(svg.suggestedFilename()).toBe('pitchfork-pitchfork.svg');
		const svgText = await (await import('node:fs/promises')).readFile((await svg.path()) as string, 'utf8');
		expect(svgText).toContain('<svg');
		expect(svgText.match(/<circle/g)?.length ?? 0).toBeGreaterThan(100);
		const [png] = await Promise.all([page.waitForEvent('download'), fig.getByRole('button', { name: 'PNG 2×' }).click()]);
		expect(png.suggestedFilename()).toBe('pitchfork-pitchfork@2x.png');
		const bytes = await (await import('node:fs/promises')).readFile((await png.path()) as string);
		expect(bytes.subarray(1, 4).toString()).toBe('PNG');
		expect(bytes.readUInt32BE(16)).toBeGreaterThan(1200); // 2× width
		expect(errors).toEqual([]);
		await context.close();
	});
});

describe('embeds', () => {
	for (const name of FIGURE_NAMES) {
		it(`/embed/${name} loads alone with zero console errors`, async () => {
			const { page, errors, requests } = await openPage(browser(), `/embed/${name}`, { width: 960, height: 640 });
			expect(await page.locator(`[data-figure="${name}"]`).count()).toBe(1);
			expect(await page.locator('header.site').count()).toBe(0);
			await page.waitForTimeout(400);
			await page.screenshot({ path: `${SCREENSHOT_DIR}/embed-${name}.png`, fullPage: true });
			expect(errors).toEqual([]);
			expect(requests).toEqual([]);
			await page.close();
		});
	}
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SCREENSHOT_DIR, openPage, useBrowser } from './browser';

// The trainer's own statistics (computed on unrounded purities during the run), to check the figure against.
const trace = JSON.parse(readFileSync('content/data/sae-lottery-trace.json', 'utf8')) as {
	runs: { seed: number; lottery: Record<string, { spearman: number; ratioToBaseline: number; ratioToMean: number; nAlive: number }> }[];
};
const measured = (seed: number) => trace.runs.find((r) => r.seed === seed)!.lottery['0.05'];

const browser = useBrowser();

const FIG = '[data-figure="lottery"]';
const num = async (page: Page, name: string) => Number(await page.locator(FIG).getAttribute(`data-${name}`));

async function loaded(page: Page) {
	await page.waitForSelector(`${FIG}[data-loaded="true"]`);
}

describe('the lottery embed', () => {
	it('shows finite statistics that match the measured runs, with zero console errors and no outside requests', async () => {
		const { page, errors, requests } = await openPage(browser(), '/embed/lottery');
		await loaded(page);
		const m = measured(1);
		expect(await num(page, 'seed')).toBe(1);
		for (const a of ['spearman', 'top-decile-baseline-ratio', 'top-decile-mean-ratio', 'atoms']) expect(Number.isFinite(await num(page, a)), a).toBe(true);
		// The figure recomputes from per-atom purities saved in percent; the run computed on the raw values.
		expect(await num(page, 'atoms')).toBe(m.nAlive);
		expect(Math.abs((await num(page, 'spearman')) - m.spearman)).toBeLessThan(0.02);
		expect(Math.abs((await num(page, 'top-decile-baseline-ratio')) - m.ratioToBaseline)).toBeLessThan(0.05 * m.ratioToBaseline);
		expect(Math.abs((await num(page, 'top-decile-mean-ratio')) - m.ratioToMean)).toBeLessThan(0.05 * m.ratioToMean);
		expect(await page.locator(`${FIG} svg rect`).count()).toBeGreaterThan(1000);
		await page.locator(FIG).screenshot({ path: `${SCREENSHOT_DIR}/embed-lottery.png` });
		expect(errors).toEqual([]);
		expect(requests).toEqual([]);
		await page.close();
	});

	it('another seed from the menu or the URL changes the numbers; bad URL state falls back to defaults', async () => {
		const { page, errors } = await openPage(browser(), '/embed/lottery');
		await loaded(page);
		const s1 = await num(page, 'spearman');
		await page.locator(`${FIG} select`).first().selectOption('2');
		await page.waitForTimeout(300);
		expect(await num(page, 'seed')).toBe(2);
		expect(Math.abs((await num(page, 'spearman')) - measured(2).spearman)).toBeLessThan(0.02);
		expect(await num(page, 'spearman')).not.toBe(s1);
		await page.close();
		const bad = await openPage(browser(), '/embed/lottery?seed=banana&t=-7');
		await loaded(bad.page);
		expect(await num(bad.page, 'seed')).toBe(1);
		expect(Number(await bad.page.locator('.lottery-view').getAttribute('data-lottery-step'))).toBe(0);
		expect(errors).toEqual([]);
		expect(bad.errors).toEqual([]);
		await bad.page.close();
	});

	it('the scrubber is keyboard-operable: End shows the final step, where Spearman to the final purity is 1', async () => {
		const { page, errors } = await openPage(browser(), '/embed/lottery');
		await loaded(page);
		const view = page.locator('.lottery-view');
		const early = Number(await view.getAttribute('data-lottery-step'));
		const slider = page.locator(`${FIG} input[type="range"]`);
		await slider.focus();
		await slider.press('End');
		await page.waitForTimeout(200);
		const last = Number(await view.getAttribute('data-lottery-step'));
		expect(last).toBeGreaterThan(early);
		expect(Number(await view.getAttribute('data-spearman-now'))).toBeCloseTo(1, 6);
		await slider.press('Home');
		await page.waitForTimeout(200);
		expect(Number(await view.getAttribute('data-lottery-step'))).toBe(0);
		expect(errors).toEqual([]);
		await page.close();
	});

	it('the chance and all-atom-mean labels never overlap, for every seed', async () => {
		// The layout itself is tested on close and equal values in src/lib/figures/chart/rule-labels.spec.ts; here the
		// rendered labels of every measured run are checked.
		const { page, errors } = await openPage(browser(), '/embed/lottery');
		await loaded(page);
		const seeds = await page.locator(`${FIG} select`).first().locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
		expect(seeds.length).toBeGreaterThan(1);
		for (const seed of seeds) {
			await page.locator(`${FIG} select`).first().selectOption(seed);
			await page.waitForTimeout(150);
			const boxes = await page.locator(`${FIG} text[data-rule-label]`).evaluateAll((ts) => ts.map((t) => [t.getBoundingClientRect().top, t.getBoundingClientRect().bottom]));
			expect(boxes.length, `seed ${seed}: two labels`).toBe(2);
			const overlap = Math.min(boxes[0][1], boxes[1][1]) - Math.max(boxes[0][0], boxes[1][0]);
			expect(overlap, `seed ${seed}: labels at ${JSON.stringify(boxes)} overlap`).toBeLessThanOrEqual(0);
		}
		expect(errors).toEqual([]);
		await page.close();
	});
});

describe('the lab feeds the same lottery view live', () => {
	it('SAE toy: once the early step is passed, the lottery shows finite statistics from the live snapshots', async () => {
		const { page, errors, requests } = await openPage(browser(), '/lab?toy=sae&preset=sae-small');
		const ready = page.locator('.lab-lottery[data-lottery-ready="true"]');
		await ready.waitFor({ timeout: 240_000 });
		const view = page.locator('.lab-lottery .lottery-view');
		expect(Number(await view.getAttribute('data-lottery-step'))).toBe(150);
		// Pause (so no newer snapshot arrives), then scrub to the newest snapshot: Spearman(now, now) = 1.
		if ((await page.locator('[data-figure="lab"]').getAttribute('data-running')) === 'true') await page.click('[data-control="play-pause"]');
		await page.waitForSelector('[data-figure="lab"][data-running="false"]');
		await page.waitForTimeout(300);
		const slider = page.locator('.lab-lottery input[type="range"]');
		await slider.focus();
		await slider.press('End');
		await page.waitForTimeout(200);
		expect(Number(await view.getAttribute('data-spearman-now'))).toBeCloseTo(1, 6);
		// Live, the all-atom mean (now) can sit near chance: the two labels still do not overlap.
		const boxes = await page.locator('.lab-lottery text[data-rule-label]').evaluateAll((ts) => ts.map((t) => [t.getBoundingClientRect().top, t.getBoundingClientRect().bottom]));
		expect(boxes.length).toBe(2);
		expect(Math.min(boxes[0][1], boxes[1][1]) - Math.max(boxes[0][0], boxes[1][0])).toBeLessThanOrEqual(0);
		await page.locator('.lab-lottery').screenshot({ path: `${SCREENSHOT_DIR}/lab-lottery.png` });
		expect(errors).toEqual([]);
		expect(requests).toEqual([]);
		await page.close();
	}, 300_000);
});

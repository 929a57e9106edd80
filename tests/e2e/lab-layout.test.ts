import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SCREENSHOT_DIR, openPage, useBrowser } from './browser';
import { LAB, attr, num, until } from './lab-page';

/**
 * The lab as a visitor meets it: the toy's charts come before the upload form and the share/forecast panels; on a
 * 390 px phone nothing widens the page; every hyper-parameter slider at both of its ends leaves the page error-free.
 */

const browser = useBrowser();

/** Page width beyond the viewport, px (0 when nothing scrolls sideways). */
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

const top = (page: Page, selector: string) => page.locator(selector).first().evaluate((e) => e.getBoundingClientRect().top + window.scrollY);

describe('the lab layout', () => {
	it('desktop: ρ is on the first screen, above the upload form, the share bar and the forecast; the upload panel opens on demand', async () => {
		const { page, errors, requests } = await openPage(browser(), '/lab?toy=grokking&preset=grokking-small', { width: 1280, height: 800 });
		const rho = `${LAB} .chart-title:text-matches("^ρ = β/β_c")`;
		await page.locator(rho).waitFor({ timeout: 120_000 });
		expect(await top(page, rho)).toBeLessThan(800);
		// Closed: one summary line, the form hidden.
		expect(await page.locator('[data-control="upload-example"]').isVisible()).toBe(false);
		expect(await top(page, '[data-control="upload"]')).toBeLessThan(await top(page, rho));
		expect(await top(page, rho)).toBeLessThan(await top(page, `${LAB} button:text("Pin this run")`));
		await page.locator('[data-control="upload-toggle"]').click();
		expect(await page.locator('[data-control="upload-example"]').isVisible()).toBe(true);
		expect(errors).toEqual([]);
		expect(requests).toEqual([]);
		await page.close();
		// A link to the panel opens it.
		const linked = await openPage(browser(), '/lab?toy=sae#your-activations', { width: 1280, height: 800 });
		await linked.page.locator('[data-control="upload-example"]').waitFor({ state: 'visible', timeout: 60_000 });
		expect(linked.errors).toEqual([]);
		await linked.page.close();
	}, 180_000);

	it('phone (390 px): no toy, and no open upload panel, makes the page scroll sideways', async () => {
		for (const toy of ['grokking', 'sae', 'ssl']) {
			const { page, errors } = await openPage(browser(), `/lab?toy=${toy}`, { width: 390, height: 844 });
			await until(page, `the ${toy} run to start`, async () => (await num(page, 'step')) > 0, 180_000);
			expect(await sideways(page), toy).toBeLessThanOrEqual(0);
			await page.locator('[data-control="upload-toggle"]').click();
			expect(await sideways(page), `${toy}, upload panel open`).toBeLessThanOrEqual(0);
			if (toy === 'sae') await page.screenshot({ path: `${SCREENSHOT_DIR}/lab-phone-sae.png` });
			expect(errors, toy).toEqual([]);
			await page.close();
		}
	}, 400_000);

	it('every slider at both ends (SAE toy): the run goes on or pauses with a reason, never a console error or a NaN path', async () => {
		const { page, errors } = await openPage(browser(), '/lab?toy=sae&preset=sae-small');
		await until(page, 'the SAE run to train', async () => (await num(page, 'step')) > 0, 180_000);
		for (const name of ['weight-decay', 'noise', 'lr']) {
			for (const key of ['Home', 'End']) {
				const slider = page.locator(`${LAB} input[data-control="${name}"]`);
				await slider.focus();
				await slider.press(key);
				const step = await num(page, 'step');
				await until(page, `training after ${name} ${key}`, async () => (await num(page, 'step')) > step || (await attr(page, 'paused-reason')) !== '', 120_000);
				await page.waitForTimeout(1500);
				const paths = await page.locator(`${LAB} svg path`).evaluateAll((els) => els.map((e) => e.getAttribute('d') ?? ''));
				expect(paths.filter((d) => /NaN|Infinity/.test(d)), `${name} ${key}`).toEqual([]);
				expect(errors, `${name} ${key}`).toEqual([]);
			}
		}
		await page.close();
	}, 600_000);
});

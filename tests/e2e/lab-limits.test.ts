import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage } from './browser';

/** The lab at the limits of its sliders: whatever happens to the run, nothing non-finite is drawn. */

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

const LAB = '[data-figure="lab"]';
const attr = (page: Page, name: string) => page.locator(LAB).getAttribute(`data-${name}`);

describe('the lab at its limits', () => {
	it('a run that cannot learn (lr 0.1, noise 0.02, no weight decay) pauses with an explanation and draws no NaN', async () => {
		const { page, errors } = await openPage(browser, '/lab?lr=0.1&noise=0.02&weightDecay=0&v=1');
		const t0 = Date.now();
		let reason = '';
		while (!['nan', 'diverged'].includes(reason)) {
			if (Date.now() - t0 > 170_000) throw new Error(`no health pause by step ${await attr(page, 'step')}`);
			await page.waitForTimeout(500);
			reason = (await attr(page, 'paused-reason')) ?? '';
			// Charts must never receive a non-finite coordinate: an SVG path with NaN is a console error.
			expect(errors).toEqual([]);
		}
		const banner = page.locator(`${LAB} [role="alert"]`);
		expect(await banner.textContent()).toMatch(/stalled|exploding|non-finite/);
		const paths = await page.locator(`${LAB} svg path`).evaluateAll((els) => els.map((e) => e.getAttribute('d') ?? ''));
		expect(paths.filter((d) => /NaN|Infinity/.test(d))).toEqual([]);
		expect(errors).toEqual([]);
		await page.close();
	}, 200_000);
});

// The delay figure's plateau in real Chromium: measured grokking lags load beside the normal form with the η fit,
// and a setting whose escape lies beyond the horizon ends in seconds with "no escape within T".
import { describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, openPage, useBrowser } from './browser';

const browser = useBrowser();

describe('delay figure', () => {
	it('plateau: the measured lags and the η(wd) fit are shown, labelled as a fit', async () => {
		const { page, errors, requests } = await openPage(browser(), '/embed/delay?schedule=plateau&sigma=1e-5');
		const fig = page.locator('[data-figure="delay"][data-done="true"]');
		await fig.waitFor({ timeout: 60_000 });
		await page.waitForSelector('[data-figure="delay"]:not([data-measured-runs="0"])');
		expect(Number(await fig.getAttribute('data-measured-runs'))).toBe(12);
		const fits = ((await fig.getAttribute('data-eta-fits')) ?? '').split(' ');
		const wd0 = fits.slice(0, 3);
		expect(wd0).toEqual(['', '', '']); // weight decay 0: no escape, no η
		const eta = fits.slice(3).map(Number);
		// Sorted by weight decay (0.3, 1, 3): the fitted drive grows with weight decay.
		expect(Math.max(...eta.slice(0, 3))).toBeLessThan(Math.min(...eta.slice(3, 6)));
		expect(Math.max(...eta.slice(3, 6))).toBeLessThan(Math.min(...eta.slice(6, 9)));
		expect(await page.locator('[data-figure="delay"] .fit').textContent()).toContain('Fit, not measurement');
		expect(await page.locator('[data-figure="delay"] label', { hasText: 'dissipation γ' }).count()).toBe(1);
		await page.screenshot({ path: `${SCREENSHOT_DIR}/embed-delay-plateau.png`, fullPage: true });
		expect(errors).toEqual([]);
		expect(requests).toEqual([]);
		await page.close();
	});

	it('a median beyond the simulated horizon ends with "no escape within T", not minutes of simulation', async () => {
		const { page, errors } = await openPage(browser(), '/embed/delay?schedule=plateau&gamma=0.012&eta=0.001&sigma=1e-10');
		const fig = page.locator('[data-figure="delay"][data-done="true"]');
		await fig.waitFor({ timeout: 90_000 });
		expect(await fig.getAttribute('data-capped')).toBe('true');
		expect(await page.locator('[data-figure="delay"] .readout').textContent()).toContain('No escape within T');
		expect(errors).toEqual([]);
		await page.close();
	});
});

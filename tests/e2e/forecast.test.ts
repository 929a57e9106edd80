import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SCREENSHOT_DIR, openPage, useBrowser } from './browser';
import { LAB, until } from './lab-page';

/**
 * The forecast in a real browser: the live lab forecast after memorisation on the small preset, auto-intervene on a
 * run without weight decay, and the embeddable study figure with its URL state. Waits poll data-* attributes.
 */

const browser = useBrowser();

const attr = (page: Page, sel: string, name: string) => page.locator(sel).getAttribute(`data-${name}`);

describe('the forecast', () => {
	it('appears in the lab once the run is past memorisation', async () => {
		const { page, errors, requests } = await openPage(browser(), '/lab?preset=grokking-small');
		expect(await attr(page, LAB, 'forecast-state')).toBe('waiting');
		await until(page, 'a forecast', async () => (await attr(page, LAB, 'forecast-state')) !== 'waiting');
		const state = await attr(page, LAB, 'forecast-state');
		const step = await attr(page, LAB, 'forecast-step');
		expect(['forecast', 'confirmed', 'missed']).toContain(state);
		// A number, or "none" for no escape.
		expect(step === 'none' || Number(step) > 0).toBe(true);
		// It came after memorisation: train accuracy is at 99% by now.
		expect(Number(await attr(page, LAB, 'train-acc'))).toBeGreaterThanOrEqual(0.99);
		const text = await page.locator('[data-forecast-panel]').textContent();
		expect(text).toMatch(step === 'none' ? /no escape/ : new RegExp(`(near|forecast) step ${step}\\b`, 'i'));
		await page.screenshot({ path: `${SCREENSHOT_DIR}/lab-forecast.png`, fullPage: true });
		expect(errors).toEqual([]);
		expect(requests).toEqual([]);
		await page.close();
	});

	it('auto-intervenes on a run without weight decay, and says so', async () => {
		const { page, errors } = await openPage(browser(), '/lab?preset=grokking-small&weightDecay=0&autoIntervene=1&interveneWd=1.5');
		expect(await page.getByLabel(/Auto-intervene/).isChecked()).toBe(true);
		// On a fast machine the next snapshot may already have restarted the forecast at the new weight decay, so the
		// "no escape" verdict that triggered the intervention is checked in the run's note below, which keeps it.
		await until(page, 'the auto-intervention', async () => ((await attr(page, LAB, 'auto-intervened')) ?? '') !== '');
		await until(page, 'the raised weight decay in force', async () => Number(await attr(page, LAB, 'weight-decay-in-force')) === 1.5);
		const note = ((await page.locator('[data-forecast-panel] [role="status"]').textContent()) ?? '').replace(/\s+/g, ' ');
		expect(note).toMatch(new RegExp(`at step ${await attr(page, LAB, 'auto-intervened')} the forecast said no escape, so weight decay was raised from 0 to 1\\.5`));
		expect(note).toMatch(/in force from step \d+/);
		// Reset replays the run from the URL's settings: weight decay 0 again, and no intervention yet.
		await page.locator('button[data-control="reset"]').click();
		await until(page, 'the reset run at weight decay 0', async () => (await attr(page, LAB, 'weight-decay-in-force')) === '0' && (await attr(page, LAB, 'auto-intervened')) === '');
		expect(errors).toEqual([]);
		await page.close();
	});

	it('/embed/forecast loads with its URL state and clamps garbage', async () => {
		const { page, errors, requests } = await openPage(browser(), '/embed/forecast?split=fraction');
		const fig = '[data-figure="forecast"]';
		await until(page, 'the forecast study to load', async () => (await attr(page, fig, 'loaded')) === 'true', 20_000);
		expect(await attr(page, fig, 'split')).toBe('fraction');
		expect(Number(await attr(page, fig, 'points'))).toBeGreaterThan(0);
		expect(Number(await attr(page, fig, 'probe-median-abs-log'))).toBeGreaterThan(0);
		expect(['true', 'false']).toContain(await attr(page, fig, 'probe-beats-baseline'));
		expect(await page.locator(`${fig} svg[role="img"]`).count()).toBe(2);
		await page.locator(fig).screenshot({ path: `${SCREENSHOT_DIR}/embed-forecast.png` });
		expect(errors).toEqual([]);
		expect(requests).toEqual([]);
		await page.close();

		const bad = await openPage(browser(), '/embed/forecast?split=%3Cscript%3E');
		expect(await attr(bad.page, fig, 'split')).toBe('seed');
		expect(bad.errors).toEqual([]);
		await bad.page.close();
	});
});

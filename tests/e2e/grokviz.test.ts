import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SCREENSHOT_DIR, openPage, useBrowser } from './browser';

/**
 * "What the network learned" in a real browser, on the smallest grokking preset: the prediction table follows the
 * test accuracy, the spectrum concentrates after grokking, the frequency lottery reads a share in [0, 1].
 * Waits poll data-* attributes (training speed depends on the machine).
 */

const browser = useBrowser();

interface Reading {
	step: number;
	testAcc: number;
	testCorrect: number;
	key: number;
	keep: string | null;
}

/** One consistent read of the lab's and the panels' attributes. */
const read = (page: Page): Promise<Reading> =>
	page.evaluate(() => {
		const g = (sel: string, a: string) => document.querySelector(sel)?.getAttribute(a) ?? null;
		return {
			step: Number(g('[data-figure="lab"]', 'data-step')),
			testAcc: Number(g('[data-figure="lab"]', 'data-test-acc') || 'NaN'),
			testCorrect: Number(g('[data-chart="prediction-grid"]', 'data-test-correct') ?? 'NaN'),
			key: Number(g('[data-chart="fourier-spectrum"]', 'data-key-frequencies') ?? 'NaN'),
			keep: g('[data-chart="frequency-lottery"]', 'data-frequency-keep')
		};
	});

describe('what the network learned (grokking-small)', () => {
	it('turns the table green with the test accuracy, concentrates the spectrum, reads the lottery', async () => {
		const { page, errors, requests } = await openPage(browser(), '/lab?preset=grokking-small');
		const readings: Reading[] = [];
		const t0 = Date.now();
		for (;;) {
			const r = await read(page);
			// Only snapshots where the panels and the lab show the same step's numbers.
			if (Number.isFinite(r.testCorrect) && Number.isFinite(r.testAcc)) readings.push(r);
			if (r.testAcc >= 0.95 && readings.length > 3) break;
			if (Date.now() - t0 > 360_000) throw new Error(`timed out waiting for grokking; last ${JSON.stringify(r)}`);
			await page.waitForTimeout(500);
		}
		// The table's share of correct test cells is the model's test accuracy (same snapshot), so it too rose past 0.9.
		const last = readings[readings.length - 1];
		expect(last.testCorrect).toBeGreaterThan(0.9);
		for (const r of readings) expect(Math.abs(r.testCorrect - r.testAcc)).toBeLessThan(1e-3);
		expect(readings.some((r) => r.testCorrect < 0.2)).toBe(true);
		// The spectrum: fewer frequencies hold 90% of the power after grokking than before it.
		const before = Math.max(...readings.filter((r) => r.testAcc < 0.3).map((r) => r.key));
		await page.waitForTimeout(3000);
		const after = (await read(page)).key;
		expect(after).toBeGreaterThan(0);
		expect(after).toBeLessThan(before);
		// The lottery: a share in [0, 1] once the early step has passed.
		const keep = Number((await read(page)).keep);
		expect(Number.isFinite(keep)).toBe(true);
		expect(keep).toBeGreaterThanOrEqual(0);
		expect(keep).toBeLessThanOrEqual(1);

		// Keyboard: focus the table, move the cursor, read a cell.
		await page.locator('[data-chart="prediction-grid"] [tabindex="0"]').focus();
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('ArrowDown');
		expect(await page.locator('[data-chart="prediction-grid"] .cell').textContent()).toMatch(/a = 1, b = 1 .*answers \d+/);
		// Try it: a valid pair gives an answer; a bad one a clear message and no answer.
		const tryIt = page.locator('[data-chart="try-it"]');
		await tryIt.getByLabel('a').fill('3');
		await tryIt.getByLabel('b').fill('4');
		expect(await tryIt.getAttribute('data-answer')).toMatch(/^\d+$/);
		// Clocks: the strongest neurons plus a picked one.
		const clocks = page.locator('[data-chart="neuron-clocks"]');
		await clocks.getByLabel('Add neuron').fill('5');
		await clocks.getByRole('button', { name: 'Show' }).click();
		expect((await clocks.getAttribute('data-neurons'))!.split(',')).toContain('5');

		await page.locator('.learned').screenshot({ path: `${SCREENSHOT_DIR}/lab-learned.png` });
		await tryIt.getByLabel('b').fill('99');
		expect(await tryIt.locator('[role="alert"]').textContent()).toMatch(/between 0 and 30/);
		expect(await tryIt.getAttribute('data-answer')).toBe('');
		expect(errors).toEqual([]);
		expect(requests).toEqual([]);
		await page.close();
	}, 420_000);
});

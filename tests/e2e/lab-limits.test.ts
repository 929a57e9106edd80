import { describe, expect, it } from 'vitest';
import { openPage, useBrowser } from './browser';
import { LAB, attr } from './lab-page';

/** The lab at the limits of its sliders: whatever happens to the run, nothing non-finite is drawn. */

const browser = useBrowser();

describe('the lab at its limits', () => {
	it('a run that cannot learn (lr 0.1, noise 0.02, no weight decay) pauses with an explanation and draws no NaN', async () => {
		const { page, errors } = await openPage(browser(), '/lab?lr=0.1&noise=0.02&weightDecay=0&v=1');
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

describe('the lab seed box and reset', () => {
	it('refuses an empty or negative seed with a message, keeps the run, and restores the box on leaving it', async () => {
		const { page, errors } = await openPage(browser(), '/lab?preset=grokking-small&seed=3&v=1');
		await page.waitForSelector(`${LAB}[data-starting="false"]`, { timeout: 120_000 });
		const box = page.locator('input[data-control="seed"]');
		for (const bad of ['', '-7', '2.5']) {
			await box.fill(bad);
			await box.dispatchEvent('change');
			const alert = page.locator('#seed-error[role="alert"]');
			expect(await alert.textContent()).toMatch(/keeps seed 3/);
			expect(page.url()).toContain('seed=3');
			expect(await box.getAttribute('aria-invalid')).toBe('true');
		}
		await box.blur();
		expect(await box.inputValue()).toBe('3');
		expect(await page.locator('#seed-error').count()).toBe(0);
		await box.fill('5');
		await box.dispatchEvent('change');
		await page.waitForFunction(() => location.search.includes('seed=5'));
		expect(errors).toEqual([]);
		await page.close();
	}, 150_000);

	it('reset after a finished run starts it again from step 0', async () => {
		const { page, errors } = await openPage(browser(), '/lab?preset=grokking-small&v=1');
		const t0 = Date.now();
		while ((await attr(page, 'paused-reason')) !== 'finished') {
			if (Date.now() - t0 > 170_000) throw new Error('the run did not finish');
			await page.waitForTimeout(500);
		}
		const finishedAt = Number(await attr(page, 'step'));
		await page.click('[data-control="reset"]');
		await page.waitForFunction(
			(at) => {
				const el = document.querySelector('[data-figure="lab"]');
				const step = Number(el?.getAttribute('data-step'));
				return el?.getAttribute('data-running') === 'true' && step > 0 && step < at;
			},
			finishedAt,
			{ timeout: 60_000 }
		);
		expect(errors).toEqual([]);
		await page.close();
	}, 260_000);
});

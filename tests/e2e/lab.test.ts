import { describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, openPage, useBrowser } from './browser';
import { HYPER_RANGES, presetHyper } from '../../src/lib/state/lab';
import { LAB, attr, num, until } from './lab-page';

/**
 * The lab in a real browser. Training speed depends on the machine and the backend the worker measured (headless
 * Chromium without a GPU usually ends up on WASM), so every wait polls the page's data-* attributes with a generous
 * limit instead of assuming a rate. The smallest preset keeps it short.
 */

const browser = useBrowser();

describe('the lab', () => {
	it('trains live: the step advances, weight decay changes without a reset, pause stops the counter', async () => {
		const t0 = Date.now();
		const { page, errors, requests } = await openPage(browser(), '/lab?preset=grokking-small');
		expect(await page.locator(LAB).count()).toBe(1);

		// Training starts by itself once the worker has measured the backends.
		await until(page, 'the first training steps', async () => (await num(page, 'step')) > 0);
		const backend = await attr(page, 'backend');
		expect(['webgpu', 'webgl', 'wasm', 'cpu']).toContain(backend);
		expect(await page.locator('[data-control="backend-badge"]').textContent()).toMatch(/WebGPU|WebGL|WASM|CPU/);
		const first = await num(page, 'step');
		await until(page, 'the step to advance', async () => (await num(page, 'step')) > first);
		await until(page, 'a probe snapshot with ρ', async () => Number.isFinite(Number((await attr(page, 'rho')) || 'x')));
		expect(await page.locator(`${LAB} svg[role="img"]`).count()).toBeGreaterThanOrEqual(6);

		// Drag the weight-decay thumb to the left end: the value changes, the run goes on from where it was.
		const wdBefore = await num(page, 'weight-decay');
		const stepBefore = await num(page, 'step');
		const slider = page.locator('input[data-control="weight-decay"]');
		const box = (await slider.boundingBox())!;
		const y = box.y + box.height / 2;
		await page.mouse.move(box.x + box.width * (wdBefore / 5), y);
		await page.mouse.down();
		for (let i = 1; i <= 5; i++) await page.mouse.move(box.x + box.width * (wdBefore / 5) * (1 - i / 5), y);
		await page.mouse.up();
		const wdAfter = await num(page, 'weight-decay');
		expect(wdAfter).toBeLessThan(wdBefore);
		expect(await num(page, 'step')).toBeGreaterThanOrEqual(stepBefore);
		// The worker applies it to the running model: the next snapshot trains with it, at a later step.
		await until(page, 'a snapshot with the new weight decay', async () => (await num(page, 'weight-decay-in-force')) === wdAfter);
		expect(await num(page, 'step')).toBeGreaterThan(stepBefore);
		expect(page.url()).toContain('weightDecay=');

		const rate = await attr(page, 'steps-per-second');

		// A hidden tab pauses training; coming back resumes it.
		const setHidden = (hidden: boolean) =>
			page.evaluate((h) => {
				Object.defineProperty(document, 'hidden', { value: h, configurable: true });
				document.dispatchEvent(new Event('visibilitychange'));
			}, hidden);
		await setHidden(true);
		await until(page, 'the hidden-tab pause', async () => (await attr(page, 'paused-reason')) === 'hidden', 20_000);
		expect(await attr(page, 'running')).toBe('false');
		await setHidden(false);
		await until(page, 'training to resume', async () => (await attr(page, 'running')) === 'true', 20_000);

		// Pause: the counter stops.
		await page.locator('button[data-control="play-pause"]').click();
		await until(page, 'the pause', async () => (await attr(page, 'running')) === 'false', 20_000);
		const paused = await num(page, 'step');
		await page.waitForTimeout(2000);
		expect(await num(page, 'step')).toBe(paused);
		expect(await attr(page, 'paused-reason')).toBe('user');

		// Paused: the scrubber goes back through the buffered snapshots and the scatter follows.
		const scrub = page.locator('input[data-control="scrub"]');
		expect(await scrub.isEnabled()).toBe(true);
		await scrub.focus();
		await scrub.press('Home');
		await page.waitForTimeout(300);
		expect(await page.getByText('Points and prototypes, step 0').count()).toBe(1);
		await scrub.press('End');

		await page.locator(LAB).screenshot({ path: `${SCREENSHOT_DIR}/lab.png` });
		console.log(`lab: backend ${backend}, ${rate} steps/s while training, paused at step ${paused} after ${(Date.now() - t0) / 1000} s`);
		expect(errors).toEqual([]);
		expect(requests).toEqual([]);
		await page.close();
	});

	it('SAE toy: its own metrics instead of accuracy', async () => {
		const { page, errors, requests } = await openPage(browser(), '/lab?toy=sae&preset=sae-small');
		await until(page, 'the SAE to train', async () => (await num(page, 'step')) > 0 && (await num(page, 'snapshots')) >= 2);
		expect(await attr(page, 'toy')).toBe('sae');
		expect(await attr(page, 'train-acc')).toBe('');
		expect(await page.getByRole('heading', { name: 'Dictionary quality' }).count()).toBe(1);
		expect(await page.getByRole('heading', { name: 'Accuracy' }).count()).toBe(0);
		expect(await page.getByText('MMCS').count()).toBeGreaterThan(0);
		await page.locator(LAB).screenshot({ path: `${SCREENSHOT_DIR}/lab-sae.png` });
		expect(errors).toEqual([]);
		expect(requests).toEqual([]);
		await page.close();
	});

	it('garbage in the URL falls back to defaults without an error', async () => {
		const { page, errors } = await openPage(browser(), '/lab?toy=%3Cscript%3E&preset=nope&seed=-1e99&weightDecay=abc&lr=1e9');
		expect(await attr(page, 'toy')).toBe('grokking');
		expect(await num(page, 'weight-decay')).toBe(presetHyper('grokking').weightDecay);
		expect(await num(page, 'lr')).toBe(HYPER_RANGES.lr.max);
		await until(page, 'the worker to start', async () => (await attr(page, 'backend')) !== '');
		expect(errors).toEqual([]);
		await page.close();
	});
});

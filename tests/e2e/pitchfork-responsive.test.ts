import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { useBrowser } from './browser';

const browser = useBrowser();

describe('the pitchfork figure on a slow state', () => {
	it('computes the bifurcation branch off the main thread (K = 8, anisotropic, n = 800 blocked the page 4.6 s)', async () => {
		const page = await browser().newPage();
		const errors: string[] = [];
		page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
		page.on('pageerror', (e) => errors.push(String(e)));
		const workers: string[] = [];
		page.on('worker', (w) => workers.push(w.url()));
		// The longest main-thread task from the first script on.
		await page.addInitScript(() => {
			(window as unknown as { longest: number }).longest = 0;
			new PerformanceObserver((list) => {
				for (const e of list.getEntries()) {
					const w = window as unknown as { longest: number };
					w.longest = Math.max(w.longest, e.duration);
				}
			}).observe({ type: 'longtask', buffered: true });
		});
		await page.goto(`${inject('baseUrl')}/embed/pitchfork?cloud=anisotropic&rho=0.05&k=8&sep=6&n=800&v=1`, { waitUntil: 'load' });
		await page.waitForSelector('[data-figure="pitchfork"][data-branch="ready"]', { timeout: 120_000 });
		expect(workers.some((u) => u.includes('branch-worker'))).toBe(true);
		const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);
		console.log(`pitchfork: longest main-thread task ${longest.toFixed(0)} ms`);
		expect(longest).toBeLessThan(2500);
		expect(await page.locator('[data-figure="pitchfork"] .diagram circle').count()).toBeGreaterThanOrEqual(36);
		expect(errors).toEqual([]);
		await page.close();
	}, 150_000);
});

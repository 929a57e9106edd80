import { describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, openPage, useBrowser } from './browser';
import { LAB, attr } from './lab-page';

/**
 * The lab's Hessian at the probe's current state (issue 7 §5), in a real browser: the worker posts the smallest
 * Hessian eigenvalue at the current prototypes with every snapshot, the page exposes it, and the Hessian chart draws
 * it beside the closed form h₁ = (1 − ρ)/K, both labelled. Polls data-* attributes (no assumed training rate).
 */
const browser = useBrowser();

describe('lab: Hessian at the probe’s current state', () => {
	it('is posted per snapshot, finite, and plotted beside h₁ with both labels; zero console errors', async () => {
		const { page, errors, requests } = await openPage(browser(), '/lab?preset=grokking-small');
		const t0 = Date.now();
		while (!Number.isFinite(Number((await attr(page, 'hessian-at-state')) || 'x'))) {
			if (Date.now() - t0 > 120_000) throw new Error('timed out waiting for the Hessian at the state');
			await page.waitForTimeout(250);
		}
		const atState = Number(await attr(page, 'hessian-at-state'));
		const h1 = Number(await attr(page, 'hessian-min'));
		expect(Number.isFinite(h1)).toBe(true);
		// The values themselves are tested in Node (lanczos.spec.ts, live-probe.spec.ts); here: posted, finite, drawn.
		expect(Math.abs(atState)).toBeLessThan(10);
		await expect.poll(() => page.getByText('λ_min of the Hessian at the current prototypes').count()).toBeGreaterThan(0);
		expect(await page.getByText('h₁ = (1 − ρ)/K, at the symmetric state').count()).toBeGreaterThan(0);
		await page.screenshot({ path: `${SCREENSHOT_DIR}/lab-hessian.png` });
		expect(errors).toEqual([]);
		expect(requests).toEqual([]);
	}, 180_000);
});

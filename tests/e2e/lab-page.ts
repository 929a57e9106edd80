import type { Page } from 'playwright-core';

/** The lab's root element: every test reads the run's state from its data-* attributes. */
export const LAB = '[data-figure="lab"]';

export const attr = (page: Page, name: string) => page.locator(LAB).getAttribute(`data-${name}`);
export const num = async (page: Page, name: string) => Number(await attr(page, name));

/**
 * Poll until `check` holds; fail with `what` after `timeoutMs`. Training speed depends on the machine and the backend
 * the worker measured, so every wait polls the page with a generous limit instead of assuming a rate.
 */
export async function until(page: Page, what: string, check: () => Promise<boolean>, timeoutMs = 120_000) {
	const t0 = Date.now();
	while (!(await check())) {
		if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
		await page.waitForTimeout(200);
	}
}

import { chromium, type Browser, type Page, type ConsoleMessage } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { mkdirSync } from 'node:fs';

export const SCREENSHOT_DIR = 'tests/output/screenshots';

/** Launch Debian's Chromium without network chatter (background networking, component updates and sync off: this
 * machine refuses outside connections); Playwright gives it a fresh profile. */
export async function launch(extraArgs: string[] = []): Promise<Browser> {
	mkdirSync(SCREENSHOT_DIR, { recursive: true });
	return chromium.launch({
		executablePath: inject('chromiumPath'),
		headless: true,
		args: [
			'--no-sandbox',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--disable-quic',
			...extraArgs
		]
	});
}

export interface WatchedPage {
	page: Page;
	errors: string[];
	requests: string[];
}

/** A page that records console errors, page errors and every request leaving localhost. */
export async function openPage(browser: Browser, path: string, viewport = { width: 1200, height: 900 }): Promise<WatchedPage> {
	const base = inject('baseUrl');
	const page = await browser.newPage({ viewport });
	const errors: string[] = [];
	const requests: string[] = [];
	page.on('console', (m: ConsoleMessage) => {
		if (m.type() === 'error') errors.push(m.text());
	});
	page.on('pageerror', (e) => errors.push(String(e)));
	page.on('request', (r) => {
		const u = r.url();
		if (!u.startsWith(base) && !u.startsWith('data:') && !u.startsWith('blob:')) requests.push(u);
	});
	await page.goto(base + path, { waitUntil: 'networkidle' });
	return { page, errors, requests };
}

/** One browser for a test file: launched before its tests and closed after them. Call at the file's top level. */
export function useBrowser(extraArgs: string[] = []): () => Browser {
	let browser: Browser | undefined;
	beforeAll(async () => {
		browser = await launch(extraArgs);
	});
	afterAll(async () => {
		await browser?.close();
	});
	return () => {
		if (!browser) throw new Error('useBrowser: the browser is not launched yet (use it inside a test)');
		return browser;
	};
}

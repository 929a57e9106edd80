// Dev helper: serve build/ and screenshot a page (full page) with console errors printed.
// Usage: node scripts/screenshot.mjs /path out.png [width]
import { chromium } from 'playwright-core';
import { serveStatic } from './serve-static.mjs';
import { findChromium } from './find-chromium.mjs';

const [path = '/', out = 'tests/output/shot.png', width = '1200'] = process.argv.slice(2);
const { server, url } = await serveStatic(process.env.PITCHFORK_BUILD || 'build', 0);
const browser = await chromium.launch({
	executablePath: findChromium(),
	args: ['--no-sandbox', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
});
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
page.on('console', (m) => m.type() === 'error' && console.log('console error:', m.text()));
page.on('pageerror', (e) => console.log('page error:', String(e)));
const t0 = Date.now();
await page.goto(url + path, { waitUntil: 'networkidle' });
console.log('loaded in', Date.now() - t0, 'ms');
await page.waitForTimeout(Number(process.env.WAIT ?? 1500));
await page.screenshot({ path: out, fullPage: true });
if (process.env.FIGS) {
	for (const el of await page.locator('[data-figure]').all()) {
		const name = await el.getAttribute('data-figure');
		await el.screenshot({ path: out.replace(/\.png$/, `-${name}.png`) });
	}
}
await browser.close();
server.close();

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, ConsoleMessage, Frame, Page } from 'playwright-core';
import { launch, openPage, SCREENSHOT_DIR } from './browser';
import { LAB } from './lab-page';

/**
 * The live lab embed (/embed/lab) and the background-tab start of /lab, in real Chromium. Training speed depends on
 * the machine, so every wait polls data-* attributes with a generous limit; the CPU-sized preset keeps it short.
 */

let browser: Browser;
let host: Server;
let hostUrl = '';
beforeAll(async () => {
	browser = await launch();
	// A second loopback origin for the slide deck (another port = another origin).
	host = createServer((req, res) => {
		const src = decodeURIComponent(new URL(req.url ?? '/', 'http://x').searchParams.get('src') ?? '');
		res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
		res.end(deckHtml(src));
	});
	await new Promise<void>((r) => host.listen(0, '127.0.0.1', r));
	const addr = host.address();
	hostUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/`;
});
afterAll(async () => {
	await browser?.close();
	await new Promise<void>((r) => host?.close(() => r()));
});

/** A "slide deck": a focused button, a tall spacer, then the embed below the fold. */
function deckHtml(src: string): string {
	return `<!doctype html><html><head><title>deck</title></head><body style="margin:0">
<button id="deck">next slide</button><div style="height:2400px">spacer</div>
<iframe id="lab" src="${src.replaceAll('"', '&quot;')}" title="Pitchfork live lab" width="760" height="560" style="border:0"></iframe>
<div style="height:2400px"></div><script>document.getElementById('deck').focus();</script></body></html>`;
}

const ROOT = '[data-figure="embed-lab"]';
type Scope = Page | Frame;
const attr = (s: Scope, name: string, root = ROOT) => s.locator(root).getAttribute(`data-${name}`);
const num = async (s: Scope, name: string, root = ROOT) => Number(await attr(s, name, root));

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 120_000) {
	const t0 = Date.now();
	while (!(await check())) {
		if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 200));
	}
}

const setHidden = (page: Page, hidden: boolean) =>
	page.evaluate((h) => {
		Object.defineProperty(document, 'hidden', { value: h, configurable: true });
		Object.defineProperty(document, 'visibilityState', { value: h ? 'hidden' : 'visible', configurable: true });
		document.dispatchEvent(new Event('visibilitychange'));
	}, hidden);

function watchErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('console', (m: ConsoleMessage) => {
		if (m.type() === 'error') errors.push(m.text());
	});
	page.on('pageerror', (e) => errors.push(String(e)));
	return errors;
}

describe('the live lab embed', () => {
	it('starts training when visible, fires its schedule at the step, pauses when hidden and resumes', async () => {
		const { page, errors, requests } = await openPage(browser, '/embed/lab?preset=grokking-small&weightDecay=0&schedule=weightDecay@400=1&v=1');
		expect(await page.locator('main h1').count()).toBe(1);
		expect(await attr(page, 'schedule')).toBe('weightDecay@400=1');
		// Only the slider the URL names.
		expect(await page.locator('input[data-control="weightDecay"]').count()).toBe(1);
		expect(await page.locator('input[data-control="noise"]').count()).toBe(0);

		await until('training to start', async () => (await num(page, 'step')) > 0);
		expect(await attr(page, 'started')).toBe('true');
		await until('the first snapshot', async () => (await attr(page, 'weight-decay-in-force')) !== '');
		// Before step 400 the URL's weight decay 0 is in force (a fast machine may already be past it when we look).
		if ((await num(page, 'step')) < 375) expect(await num(page, 'weight-decay-in-force')).toBe(0);
		await until('the schedule to fire', async () => (await num(page, 'weight-decay-in-force')) === 1);
		expect(await num(page, 'step')).toBeGreaterThan(400);
		expect(await page.locator(`${ROOT} svg[role="img"]`).count()).toBeGreaterThanOrEqual(2);

		await setHidden(page, true);
		await until('the hidden pause', async () => (await attr(page, 'paused-reason')) === 'hidden', 30_000);
		expect(await attr(page, 'running')).toBe('false');
		const paused = await num(page, 'step');
		await page.waitForTimeout(1500);
		expect(await num(page, 'step')).toBe(paused);
		await setHidden(page, false);
		await until('training to resume', async () => (await attr(page, 'running')) === 'true', 30_000);
		await page.screenshot({ path: `${SCREENSHOT_DIR}/embed-lab.png` });
		expect(errors).toEqual([]);
		expect(requests).toEqual([]);
		await page.close();
	});

	it('works inside a cross-origin slide deck: waits off-screen, starts in view, pauses off-screen, keeps the deck focused', async () => {
		const base = inject('baseUrl');
		const src = `${base}/embed/lab?preset=grokking-small&seed=2&v=1`;
		const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
		const errors = watchErrors(page);
		await page.goto(`${hostUrl}?src=${encodeURIComponent(src)}`, { waitUntil: 'load' });
		const frame = await (await page.locator('#lab').elementHandle())!.contentFrame();
		expect(frame).not.toBeNull();
		await frame!.waitForSelector(ROOT);
		expect(new URL(frame!.url()).origin).not.toBe(new URL(page.url()).origin);
		await page.waitForTimeout(3000);
		expect(await attr(frame!, 'started')).toBe('false');
		expect(await num(frame!, 'step')).toBe(0);

		await page.locator('#lab').scrollIntoViewIfNeeded();
		await until('the embed to start in view', async () => (await num(frame!, 'step')) > 0);
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('deck');

		await page.evaluate(() => window.scrollTo(0, 0));
		await until('the off-screen pause', async () => (await attr(frame!, 'paused-reason')) === 'hidden', 30_000);
		expect(await attr(frame!, 'running')).toBe('false');
		expect(errors).toEqual([]);
		await page.close();
	});

	it('loads from a file:// slide deck', async () => {
		const base = inject('baseUrl');
		const dir = mkdtempSync(join(tmpdir(), 'pitchfork-deck-'));
		const file = join(dir, 'deck.html');
		writeFileSync(file, deckHtml(`${base}/embed/lab?preset=grokking-small&v=1`).replace('height:2400px">spacer', 'height:10px">spacer'));
		const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
		const errors = watchErrors(page);
		await page.goto(`file://${file}`, { waitUntil: 'load' });
		const frame = await (await page.locator('#lab').elementHandle())!.contentFrame();
		await frame!.waitForSelector(ROOT);
		await until('the embed to train', async () => (await num(frame!, 'step')) > 0);
		expect(errors).toEqual([]);
		await page.close();
	});
});

describe('"Copy embed code" on the lab', () => {
	it('gives an iframe of /embed/lab with the lab’s settings, which replays them in a deck', async () => {
		const base = inject('baseUrl');
		const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
		await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
		const page = await context.newPage();
		const errors = watchErrors(page);
		await page.goto(`${base}/lab?preset=grokking-small&seed=4&weightDecay=0&schedule=weightDecay@1000=1&v=1`, { waitUntil: 'load' });
		await until('the lab to run', async () => Number(await attr(page, 'step', '[data-figure="lab"]')) > 0);
		await page.click('[data-control="copy-embed"]');
		await until('the copied notice', async () => ((await page.locator('.share .notice').textContent()) ?? '').includes('copied'), 10_000);
		const code = await page.evaluate(() => navigator.clipboard.readText());
		const src = /<iframe src="([^"]+)"/.exec(code)?.[1] ?? '';
		expect(src.startsWith(`${base}/embed/lab?`)).toBe(true);
		const params = new URL(src).searchParams;
		expect(params.get('preset')).toBe('grokking-small');
		expect(params.get('seed')).toBe('4');
		expect(params.get('weightDecay')).toBe('0');
		expect(params.get('schedule')).toBe('weightDecay@1000=1');
		await page.close();

		const deck = await context.newPage();
		await deck.goto(`${hostUrl}?src=${encodeURIComponent(src)}`, { waitUntil: 'load' });
		const frame = await (await deck.locator('#lab').elementHandle())!.contentFrame();
		await frame!.waitForSelector(ROOT);
		expect(await attr(frame!, 'schedule')).toBe('weightDecay@1000=1');
		expect(await attr(frame!, 'weight-decay')).toBe('0');
		expect(errors).toEqual([]);
		await context.close();
	});
});

describe('pinned runs in the lab', () => {
	it('a pin survives reset and a toy switch, and is drawn over the next run', async () => {
		const base = inject('baseUrl');
		const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
		const errors = watchErrors(page);
				await page.goto(`${base}/lab?preset=grokking-small&weightDecay=0&v=1`, { waitUntil: 'load' });
		await until('a few snapshots', async () => Number(await attr(page, 'snapshots', LAB)) >= 3);
		await page.click('[data-control="pin"]');
		expect(await attr(page, 'pins', LAB)).toBe('1');
		const lines = async () => page.locator(`${LAB} path[stroke-dasharray="2 2"]`).count();
		await page.click('[data-control="reset"]');
		await until('the reset run', async () => Number(await attr(page, 'snapshots', LAB)) >= 2);
		expect(await attr(page, 'pins', LAB)).toBe('1');
		// ρ, accuracy and the (ρ, W/T) plane each draw the pin.
		await until('the overlays', async () => (await lines()) >= 3);
		await page.locator('label', { hasText: 'Toy' }).locator('select').selectOption('sae');
		await until('the SAE run', async () => (await attr(page, 'toy', LAB)) === 'sae' && Number(await attr(page, 'snapshots', LAB)) >= 1);
		expect(await attr(page, 'pins', LAB)).toBe('1');
		expect(await page.locator('ul.pins li').textContent()).toContain('grokking: shown when that toy is');
		expect(errors).toEqual([]);
		await page.close();
	});
});

describe('the lab opened in a background tab', () => {
	it('starts paused without a false error banner, and trains once visible', async () => {
		const base = inject('baseUrl');
		const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
		const errors = watchErrors(page);
		await page.addInitScript(() => {
			Object.defineProperty(document, 'hidden', { value: true, configurable: true });
			Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
		});
		await page.goto(`${base}/lab?preset=grokking-small`, { waitUntil: 'load' });
				await until('the worker to be ready', async () => (await attr(page, 'backend', LAB)) !== '');
		await until('the hidden pause', async () => (await attr(page, 'paused-reason', LAB)) === 'hidden', 30_000);
		await page.waitForTimeout(1000);
		expect(await page.locator('[role="alert"]').count()).toBe(0);
		expect(await num(page, 'step', LAB)).toBe(0);
		await setHidden(page, false);
		await until('training to start', async () => (await num(page, 'step', LAB)) > 0);
		expect(await page.locator('[role="alert"]').count()).toBe(0);
		expect(errors).toEqual([]);
		await page.close();
	});
});

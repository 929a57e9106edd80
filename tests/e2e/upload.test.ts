import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SCREENSHOT_DIR, openPage, useBrowser } from './browser';
import { uploadFixtures } from '../../src/lib/train/upload-fixtures';
import { LAB, attr, num, until } from './lab-page';

/**
 * "Your activations" in a real browser: the one-click example and a valid file train (data-source="upload"); every
 * malformed kind is refused with a role="alert" reason while the previous run carries on, with zero console errors.
 * Waits poll the lab's data-* attributes (speed depends on the backend the worker measured).
 */

const browser = useBrowser();

const ALERT = '[data-control="upload-alert"]';

const file = (name: string, bytes: Uint8Array) => ({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });

/** The alert's text once it says `says` (a refusal replaces the previous one). */
async function refusal(page: Page, says: RegExp, what: string): Promise<void> {
	await until(page, `the refusal of ${what}`, async () => says.test((await page.locator(ALERT).textContent().catch(() => '')) ?? ''), 30_000);
	expect(await page.locator(`${ALERT}[role="alert"]`).count()).toBe(1);
}

describe('your activations in the lab', () => {
	it('refuses each malformed file with a reason, keeps the run, then trains on the example and on a valid file', async () => {
		const { page, errors, requests } = await openPage(browser(), '/lab?preset=grokking-small');
		const acts = page.locator(`${LAB} input[type="file"][data-control="upload-activations"]`);
		const labels = page.locator(`${LAB} input[type="file"][data-control="upload-labels"]`);
		await until(page, 'the grokking run to train', async () => (await num(page, 'step')) > 0);
		expect(await attr(page, 'source')).toBe('toy');
		// The panel is a closed one-line disclosure until asked for (the toy's charts come first); Enter opens it.
		expect(await page.locator('[data-control="upload-example"]').isVisible()).toBe(false);
		await page.locator('[data-control="upload-toggle"]').focus();
		await page.keyboard.press('Enter');
		await page.locator('[data-control="upload-example"]').waitFor({ state: 'visible' });

		// Malformed activations first, then malformed labels beside valid activations (each change re-sends both).
		const fixtures = uploadFixtures(256, 16);
		const bad = fixtures.filter((f) => f.kind !== null);
		for (const f of bad) {
			if (f.labels) {
				await labels.setInputFiles(file('labels.npy', f.labels));
				await acts.setInputFiles(file('acts.npy', f.activations));
			} else await acts.setInputFiles(file('acts.npy', f.activations));
			await refusal(page, f.says!, f.name);
			expect(await attr(page, 'source')).toBe('toy');
			expect(await attr(page, 'toy')).toBe('grokking');
		}

		// Over 256 MB: refused from the size alone (a sparse File made in the page; nothing is read).
		await page.evaluate(() => {
			const input = document.querySelector<HTMLInputElement>('[data-control="upload-activations"]')!;
			const big = new File([new Uint8Array(257 * 1024 * 1024)], 'big.npy');
			const dt = new DataTransfer();
			dt.items.add(big);
			input.files = dt.files;
			input.dispatchEvent(new Event('change', { bubbles: true }));
		});
		await refusal(page, /big\.npy is 257 MB; the limit is 256 MB/, 'a 257 MB file');

		// The previous (grokking) run was kept and still trains.
		const before = await num(page, 'step');
		await until(page, 'the grokking run to go on', async () => (await num(page, 'step')) > before);
		expect(await attr(page, 'preset')).toBe('grokking-small');

		// One click: the bundled example (hidden states of the project's grokking model) trains with the probe.
		await page.locator('[data-control="upload-example"]').click();
		await until(page, 'the example to train', async () => (await attr(page, 'source')) === 'upload' && (await num(page, 'step')) > 0);
		await until(page, 'a probe snapshot of the example', async () => Number.isFinite(Number((await attr(page, 'rho')) || 'x')));
		expect(await attr(page, 'preset')).toBe('upload');
		expect(await attr(page, 'toy')).toBe('sae');
		expect(await page.locator('[data-control="upload-active"]').textContent()).toMatch(/grokking-hidden\.npy \(961 × 128, 31 labels\)/);
		expect(await page.locator(ALERT).count()).toBe(0);
		await until(page, 'a few snapshots', async () => (await num(page, 'snapshots')) >= 3);
		await page.screenshot({ path: `${SCREENSHOT_DIR}/lab-upload-example.png`, fullPage: true });

		// A malformed file now: refused, the example's run carries on.
		const nan = bad.find((f) => f.kind === 'non-finite')!;
		await acts.setInputFiles(file('acts.npy', nan.activations));
		await refusal(page, nan.says!, 'NaN during an upload run');
		expect(await attr(page, 'source')).toBe('upload');
		const stepUpload = await num(page, 'step');
		await until(page, 'the example run to go on', async () => (await num(page, 'step')) > stepUpload);

		// A valid file of our own, with labels, replaces it.
		const valid = fixtures.find((f) => f.kind === null)!;
		await labels.setInputFiles(file('labels.npy', valid.labels!));
		await acts.setInputFiles(file('acts.npy', valid.activations));
		await until(page, 'the valid file to train', async () => /acts\.npy \(256 × 16, 4 labels\)/.test((await page.locator('[data-control="upload-active"]').textContent().catch(() => '')) ?? ''));
		await until(page, 'the valid file to take steps', async () => (await num(page, 'step')) > 0);
		expect(await page.locator(ALERT).count()).toBe(0);

		// Dropping both files on the panel: the one named like "label…" is taken as the labels.
		await page.evaluate(
			([a, l]) => {
				const dt = new DataTransfer();
				dt.items.add(new File([new Uint8Array(l)], 'dropped-labels.npy'));
				dt.items.add(new File([new Uint8Array(a)], 'dropped-acts.npy'));
				document.querySelector('[data-control="upload"]')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
			},
			[Array.from(valid.activations), Array.from(valid.labels!)]
		);
		await until(page, 'the dropped files to train', async () => /dropped-acts\.npy \(256 × 16, 4 labels\)/.test((await page.locator('[data-control="upload-active"]').textContent().catch(() => '')) ?? ''));

		const presetSelect = page.getByLabel('Preset');
		expect(await presetSelect.inputValue()).toBe('upload');

		// Choosing a preset goes back to the synthetic toy.
		await presetSelect.selectOption('sae-small');
		await until(page, 'the synthetic SAE to start', async () => (await attr(page, 'source')) === 'toy' && (await attr(page, 'preset')) === 'sae-small');

		expect(errors).toEqual([]);
		expect(requests).toEqual([]);
		await page.close();
	}, 300_000);
});

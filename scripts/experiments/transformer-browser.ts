/**
 * The same comparison as transformer-grokking.ts, in the browser: grokking-small (MLP) against grokking-transformer,
 * seed by seed, in /embed/lab on headless Chromium (the worker picks its fastest backend; here wasm). Time to test
 * 95% counts from the first trained step (after the backend warm-up) and includes the probe and readouts the lab
 * computes every 25 steps, as a visitor would wait. Adds `browser` to content/data/transformer-grokking.json.
 *
 *   npm run build && nice -n 10 npx tsx scripts/experiments/transformer-browser.ts [--seeds 1,2,3]
 */
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { serveStatic } from '../serve-static.mjs';
import { findChromium } from '../find-chromium.mjs';

const OUT = 'content/data/transformer-grokking.json';
const PRESETS = ['grokking-small', 'grokking-transformer'];

async function main() {
	const i = process.argv.indexOf('--seeds');
	const seeds = i > 0 ? process.argv[i + 1].split(',').map(Number) : [1, 2, 3];
	const { server, url } = await serveStatic('build', 0);
	const browser = await chromium.launch({ executablePath: findChromium()!, headless: true, args: ['--no-sandbox', '--disable-background-networking', '--disable-quic'] });
	const runs: { preset: string; seed: number; stepTo95: number | null; secondsTo95: number | null; backend: string }[] = [];
	try {
		for (const seed of seeds)
			for (const preset of PRESETS) {
				const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
				await page.goto(`${url}/embed/lab?preset=${preset}&seed=${seed}&v=1`, { waitUntil: 'load' });
				const root = page.locator('[data-figure="embed-lab"]');
				const read = async (k: string) => (await root.getAttribute(`data-${k}`)) ?? '';
				while (Number(await read('step')) === 0) await page.waitForTimeout(20);
				const t0 = Date.now();
				let step: number | null = null;
				while (Date.now() - t0 < 240_000) {
					if (Number((await read('test-acc')) || 0) >= 0.95) {
						step = Number(await read('step'));
						break;
					}
					await page.waitForTimeout(50);
				}
				const secs = step === null ? null : +((Date.now() - t0) / 1000).toFixed(2);
				runs.push({ preset, seed, stepTo95: step, secondsTo95: secs, backend: await read('backend') });
				console.error(JSON.stringify(runs[runs.length - 1]));
				await page.close();
			}
	} finally {
		await browser.close();
		server.close();
	}
	const ratios = seeds.map((seed) => {
		const [m, t] = PRESETS.map((p) => runs.find((r) => r.preset === p && r.seed === seed)!);
		return m.secondsTo95 && t.secondsTo95 ? +(t.secondsTo95 / m.secondsTo95).toFixed(2) : null;
	});
	const ok = ratios.filter((r): r is number => r !== null).sort((a, b) => a - b);
	const median = ok.length === ratios.length ? ok[(ok.length - 1) >> 1] + (ok.length % 2 ? 0 : (ok[ok.length >> 1] - ok[(ok.length - 1) >> 1]) / 2) : null;
	const doc = JSON.parse(readFileSync(OUT, 'utf8'));
	doc.browser = {
		command: `npm run build && nice -n 10 npx tsx scripts/experiments/transformer-browser.ts --seeds ${seeds.join(',')}`,
		date: new Date().toISOString(),
		note: 'Headless Chromium, /embed/lab, the worker’s own backend choice; seconds from the first trained step to the first snapshot with test accuracy ≥ 0.95, probe and readouts included (polled every 50 ms).',
		runs,
		ratioPerSeed: ratios,
		medianRatio: median === null ? null : +median.toFixed(2),
		within2x: median !== null && median <= 2
	};
	writeFileSync(OUT, JSON.stringify(doc, null, '\t') + '\n');
	console.error(JSON.stringify({ ratios, median }));
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});

/**
 * Is tfjs-wasm with threads worth it, and does it work in our bundle? `npm run bench:threads [-- --presets a,b]
 * [--threads 0,1,2] [--no-isolation] [--budget 3000]`: bundles scripts/bench-threads/worker.ts with Vite, serves it
 * with the site's wasm and data files from scripts/serve-static.mjs (with the cross-origin isolation headers unless
 * --no-isolation), and times training steps in headless Chromium, one fresh module worker per thread setting
 * (0 = the single-threaded SIMD binary, n = the threaded binary with n threads).
 * Node itself cannot run the threaded binary: tfjs turns it off under Node, and forcing it fails (Emscripten starts
 * its pthreads as worker_threads from blob: URLs, which Node refuses: ERR_WORKER_PATH).
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { wasmThreads } from './wasm-threads-plugin';
import { serveStatic } from './serve-static.mjs';
import { findChromium } from './find-chromium.mjs';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => (args.includes(name) ? (args[args.indexOf(name) + 1] ?? fallback) : fallback);
const presets = opt('--presets', 'grokking-59,sae,ssl').split(',');
const threadSettings = opt('--threads', '0,1,2').split(',').map(Number);
const isolate = !args.includes('--no-isolation');
const budgetMs = Number(opt('--budget', '3000'));

const PAGE = `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>bench:threads</title><script type="module">
const ask = (threads) => new Promise((done) => {
	const w = new Worker('./worker.js', { type: 'module' });
	w.onmessage = (e) => { w.terminate(); done(e.data); };
	w.onerror = (e) => { w.terminate(); done({ threads, error: e.message || 'worker error' }); };
	w.postMessage({ threads, presets: ${JSON.stringify(presets)}, root: new URL('./', location.href).href, budgetMs: ${budgetMs} });
});
window.results = [];
for (const t of ${JSON.stringify(threadSettings)}) window.results.push(await ask(t));
window.done = true;
</script>`;

async function main() {
	const dir = mkdtempSync(join(tmpdir(), 'bench-threads-'));
	try {
		await build({
			configFile: false,
			logLevel: 'warn',
			plugins: process.env.BENCH_NO_FIX ? [] : [wasmThreads()],
			build: {
				outDir: dir,
				emptyOutDir: false,
				minify: process.env.BENCH_MINIFY !== '0',
				lib: { entry: resolve('scripts/bench-threads/worker.ts'), formats: ['es'], fileName: () => 'worker.js' }
			}
		});
		writeFileSync(join(dir, 'index.html'), PAGE);
		cpSync('static/wasm', join(dir, 'wasm'), { recursive: true });
		cpSync('static/data-ssl', join(dir, 'data-ssl'), { recursive: true });
		const { server, url } = await serveStatic(dir, 0, { isolate });
		const executablePath = findChromium();
		if (!executablePath) throw new Error('no Chromium found (apt-get install chromium, or set CHROMIUM_PATH)');
		const browser = await chromium.launch({
			executablePath,
			headless: true,
			args: ['--no-sandbox', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
		});
		try {
			const page = await browser.newPage();
			const errors: string[] = [];
			page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); else if (process.env.BENCH_VERBOSE) console.error(`[${m.type()}] ${m.text()}`); });
			page.on('pageerror', (e) => errors.push(String(e)));
			await page.goto(`${url}/index.html`);
			await page.waitForFunction('window.done === true', undefined, { timeout: 600_000, polling: 500 });
			const results = (await page.evaluate('window.results')) as Record<string, unknown>[];
			const out = { date: new Date().toISOString(), chromium: browser.version(), isolated: isolate, load_average_1min: Number(loadavg()[0].toFixed(1)), results, console_errors: errors };
			if (args.includes('--json')) console.log(JSON.stringify(out));
			else {
				console.log(`bench:threads, Chromium ${out.chromium}, ${isolate ? 'COOP/COEP headers' : 'no isolation headers'}, load average ${out.load_average_1min}`);
				for (const r of results) {
					if (r.error) {
						console.log(`threads ${r.threads}: FAILED ${String(r.error).split('\n')[0]}`);
						continue;
					}
					const label = r.threads === 0 ? 'simd, no threads' : `threaded binary, ${r.threads} requested → ${r.actualThreads} used`;
					for (const row of r.rows as { preset: string; ms: number; p10: number; n: number }[]) {
						console.log(`  ${label.padEnd(40)} ${row.preset.padEnd(14)} ${row.ms.toFixed(2)} ms/step (p10 ${row.p10.toFixed(2)}, n ${row.n})`);
					}
				}
				if (errors.length) console.log(`console errors: ${errors.join(' | ')}`);
			}
		} finally {
			await browser.close();
			server.close();
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

main().catch((e) => {
	console.error(`bench:threads: ${e instanceof Error ? e.stack : String(e)}`);
	process.exit(1);
});

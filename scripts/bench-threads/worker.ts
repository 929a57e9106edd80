/**
 * Browser side of `npm run bench:threads`: in a module worker (as the lab trains), set up tfjs-wasm with the asked
 * thread count, then time training steps of each preset (train(1) + awaited loss read, as bench:train does).
 * Bundled by Vite (the site's bundler) in scripts/bench-threads.ts; never part of the site.
 */
import * as tf from '@tensorflow/tfjs';
import { getThreadsCount, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { PRESETS } from '../../src/lib/train/presets';
import { createTrainer } from '../../src/lib/train/create-trainer';
import { fetchDigits } from '../../src/lib/train/ssl-digits';

interface Ask {
	/** 0: the single-threaded SIMD binary; n ≥ 1: the threaded binary with n threads (if the page is isolated). */
	threads: number;
	presets: string[];
	root: string;
	budgetMs: number;
}

self.onmessage = async (e: MessageEvent<Ask>) => {
	const { threads, presets, root, budgetMs } = e.data;
	try {
		const supported = (await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')) as boolean;
		if (threads === 0) tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
		else {
			// tfjs-wasm caps its XNNPACK pool at navigator.hardwareConcurrency / 2 (it assumes two hardware threads
			// per core): on a 2-core machine that is always 1. Report twice the asked count so the cap lets it through.
			const reported = navigator.hardwareConcurrency;
			if (reported < 2 * threads) Object.defineProperty(navigator, 'hardwareConcurrency', { value: 2 * threads, configurable: true });
			setThreadsCount(threads);
		}
		setWasmPaths(`${root}wasm/`);
		if (!(await tf.setBackend('wasm'))) throw new Error('wasm backend failed to initialise');
		await tf.ready();
		const rows = [];
		for (const name of presets) {
			const preset = PRESETS.find((p) => p.name === name);
			if (!preset) throw new Error(`unknown preset ${name}`);
			const config = structuredClone(preset.config);
			if (config.toy === 'ssl' && config.data === 'digits') await fetchDigits(root);
			const trainer = createTrainer(config, 1);
			trainer.train(3);
			await trainer.readLoss();
			const xs: number[] = [];
			const start = performance.now();
			while (xs.length < 10 || (xs.length < 300 && performance.now() - start < budgetMs)) {
				const t0 = performance.now();
				trainer.train(1);
				await trainer.readLoss();
				xs.push(performance.now() - t0);
			}
			trainer.dispose();
			xs.sort((a, b) => a - b);
			rows.push({ preset: name, ms: xs[xs.length >> 1], p10: xs[Math.floor(xs.length / 10)], n: xs.length });
		}
		self.postMessage({
			threads,
			isolated: (self as unknown as { crossOriginIsolated?: boolean }).crossOriginIsolated === true,
			threadSupport: supported,
			actualThreads: getThreadsCount(),
			rows
		});
	} catch (err) {
		self.postMessage({ threads, error: err instanceof Error ? `${err.message}\n${err.stack}` : String(err) });
	}
};

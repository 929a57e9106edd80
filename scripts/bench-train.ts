/**
 * ms per training step and per probe update (evaluation + probe + packing), per tfjs backend available in Node,
 * for each preset.  npm run bench:train [-- --json] [--backends wasm,cpu] [--presets a,b]
 * (WebGPU/WebGL exist only in a browser; the worker measures them at start-up — see backend-ladder.ts.)
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import type { BackendName } from '../src/lib/train/config';
import { PRESETS } from '../src/lib/train/presets';
import { Session } from '../src/lib/train/session';
import { UPLOAD_BENCH, uploadBenchSession } from './bench-upload';
import { loadDigitsFromDisk } from '../src/lib/train/node/ssl-digits-node';

interface Row {
	backend: BackendName;
	preset: string;
	msPerStep: number;
	timedSteps: number;
	msPerProbe: number;
	timedProbes: number;
	probeEvery: number;
	/** CPU ms (user + system) per step and per probe update. */
	cpuMsPerStep: number;
	cpuMsPerProbe: number;
}

function parse(argv: string[]): { json: boolean; backends: BackendName[]; presets: string[] } {
	const out = { json: false, backends: ['wasm', 'cpu'] as BackendName[], presets: [...PRESETS.map((p) => p.name), UPLOAD_BENCH] };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--json') out.json = true;
		else if (a === '--backends') {
			out.backends = (argv[++i] ?? '').split(',') as BackendName[];
			for (const b of out.backends) if (b !== 'wasm' && b !== 'cpu') throw new Error(`--backends: only wasm and cpu exist in Node, got "${b}"`);
		} else if (a === '--presets') {
			out.presets = (argv[++i] ?? '').split(',');
			for (const p of out.presets) if (p !== UPLOAD_BENCH && !PRESETS.some((q) => q.name === p)) throw new Error(`--presets: unknown preset "${p}"`);
		} else throw new Error(`unknown option "${a}"; usage: npm run bench:train -- [--json] [--backends wasm,cpu] [--presets a,b]`);
	}
	return out;
}

/** Repeat `f` until ~budgetMs have passed (at least `min`, at most `max` times); mean ms per call. */
/** Process CPU ms (user + system): on a shared, oversubscribed machine it tells the cost better than wall time. */
function cpuMs(): number {
	const u = process.cpuUsage();
	return (u.user + u.system) / 1000;
}

async function timeIt(f: () => Promise<unknown>, budgetMs: number, min: number, max: number): Promise<{ ms: number; cpuMs: number; n: number }> {
	const t0 = performance.now();
	const c0 = cpuMs();
	let n = 0;
	while (n < min || (n < max && performance.now() - t0 < budgetMs)) {
		await f();
		n++;
	}
	return { ms: (performance.now() - t0) / n, cpuMs: (cpuMs() - c0) / n, n };
}

async function bench(backend: BackendName, presetName: string): Promise<Row> {
	const preset = PRESETS.find((p) => p.name === presetName);
	if (preset?.config.toy === 'ssl' && preset.config.data === 'digits') loadDigitsFromDisk();
	const session = presetName === UPLOAD_BENCH ? uploadBenchSession() : new Session(structuredClone(preset!.config), 1, 2);
	try {
		// Warm-up: first steps and first snapshot (kernel setup, allocation).
		session.trainer.train(2);
		await session.trainer.readLoss();
		await session.snapshot();
		const step = await timeIt(
			async () => {
				session.trainer.train(1);
				await session.trainer.readLoss();
			},
			3000,
			2,
			50
		);
		const probe = await timeIt(() => session.snapshot(), 3000, 2, 10);
		return { backend, preset: presetName, msPerStep: step.ms, timedSteps: step.n, msPerProbe: probe.ms, timedProbes: probe.n, probeEvery: session.config.probeEvery, cpuMsPerStep: step.cpuMs, cpuMsPerProbe: probe.cpuMs };
	} finally {
		session.dispose();
	}
}

async function main(): Promise<void> {
	const opts = parse(process.argv.slice(2));
	tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
	const rows: Row[] = [];
	for (const backend of opts.backends) {
		try {
			if (!(await tf.setBackend(backend))) throw new Error('setBackend returned false');
			await tf.ready();
		} catch (e) {
			console.error(`${backend}: unavailable (${e instanceof Error ? e.message : String(e)})`);
			continue;
		}
		for (const preset of opts.presets) {
			const row = await bench(backend, preset);
			rows.push(row);
			if (!opts.json) console.error(`${backend} ${preset}: ${row.msPerStep.toFixed(1)} ms/step, ${row.msPerProbe.toFixed(1)} ms/probe`);
		}
	}
	if (opts.json) {
		console.log(JSON.stringify({ date: new Date().toISOString(), node: process.version, rows }, null, 1));
		return;
	}
	console.log('\n| preset | backend | ms / training step | ms / probe update | probe every | ms / step incl. probe | CPU ms / step, / probe |');
	console.log('|---|---|---|---|---|---|---|');
	for (const r of rows) {
		const every = r.probeEvery;
		console.log(
			`| ${r.preset} | ${r.backend} | ${r.msPerStep.toFixed(1)} (n=${r.timedSteps}) | ${r.msPerProbe.toFixed(1)} (n=${r.timedProbes}) | ${every} | ${(r.msPerStep + r.msPerProbe / every).toFixed(1)} | ${r.cpuMsPerStep.toFixed(1)}, ${r.cpuMsPerProbe.toFixed(1)} |`
		);
	}
}

main().catch((e) => {
	console.error(`bench:train: ${e instanceof Error ? e.message : String(e)}`);
	process.exit(1);
});

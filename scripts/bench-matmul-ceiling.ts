/**
 * The ceiling for the training-step row of `npm run bench:compare`: f32 matmul throughput of tfjs-wasm (XNNPACK,
 * WASM SIMD-128) on the grokking-59 step's own matmul shapes and on a large square one, next to PyTorch on the same
 * shapes (bench/reference/matmul_shapes.py, 1 and 2 threads) when it is installed.
 *   npm run bench:matmul-ceiling [-- --json]
 * Each shape is a plain tf.matMul(a, b) (no transposes, as the step runs them); median of repeated calls.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';

/** [m, k, n, what]: the grokking-59 MLP step (n = 1,741 training pairs, p 59, e 32, H 128), forward and backward. */
export const STEP_SHAPES: [number, number, number, string][] = [
	[3482, 59, 32, 'embed X·E'],
	[1741, 64, 128, 'layer 1 forward'],
	[1741, 128, 59, 'readout forward'],
	[1741, 59, 128, 'dlogits·W2ᵀ'],
	[128, 1741, 59, 'hᵀ·dlogits'],
	[1741, 128, 64, 'g·W1ᵀ'],
	[64, 1741, 128, 'aᵀ·g'],
	[59, 3482, 32, 'Xᵀ·dE']
];
const SQUARE: [number, number, number, string] = [1024, 1024, 1024, 'square 1024³'];

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.floor(s.length / 2)];
}

function timeMatMul(m: number, k: number, n: number): number {
	const a = tf.randomUniform([m, k]) as tf.Tensor2D;
	const b = tf.randomUniform([k, n]) as tf.Tensor2D;
	for (let i = 0; i < 3; i++) tf.matMul(a, b).dispose();
	const xs: number[] = [];
	const start = performance.now();
	while (xs.length < 5 || (xs.length < 200 && performance.now() - start < 1000)) {
		const t0 = performance.now();
		tf.matMul(a, b).dispose(); // wasm kernels run synchronously: the call is the work
		xs.push(performance.now() - t0);
	}
	tf.dispose([a, b]);
	return median(xs);
}

async function main() {
	const json = process.argv.includes('--json');
	tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
	await tf.setBackend('wasm');
	await tf.ready();
	const shapes = [...STEP_SHAPES, SQUARE];
	const env = { ...process.env };
	delete env.OPENBLAS_CORETYPE;
	delete env.OPENBLAS_L2_SIZE;
	const spec = shapes.map(([m, k, n]) => `${m}x${k}x${n}`).join(',');
	const ref = spawnSync('/usr/bin/python3', ['bench/reference/matmul_shapes.py', spec], { env, encoding: 'utf8' });
	const torch = new Map<string, Record<string, number>>();
	let refNote = '';
	if (ref.status === 0) {
		for (const line of ref.stdout.trim().split('\n')) {
			const r = JSON.parse(line) as { shape: string; threads: number; ms: number; torch: string };
			torch.set(r.shape, { ...torch.get(r.shape), [`t${r.threads}`]: r.ms });
			refNote = `torch ${r.torch}`;
		}
	} else refNote = `PyTorch reference skipped: ${(ref.stderr || String(ref.error)).trim().split('\n').pop()}`;
	const rows = shapes.map(([m, k, n, what]) => {
		const ms = timeMatMul(m, k, n);
		const gmac = (m * k * n) / 1e9;
		const t = torch.get(`${m}x${k}x${n}`) ?? {};
		return { what, shape: `${m}×${k} · ${k}×${n}`, ours_ms: ms, ours_gmac_s: gmac / (ms / 1000), torch1_ms: t.t1 ?? null, torch2_ms: t.t2 ?? null, gmac };
	});
	const step = rows.slice(0, STEP_SHAPES.length);
	const sum = (f: (r: (typeof rows)[number]) => number | null) => step.reduce((s, r) => s + (f(r) ?? NaN), 0);
	const load = loadavg()[0].toFixed(1);
	if (json) {
		for (const r of rows) console.log(JSON.stringify({ ...r, load_average_1min: Number(load) }));
		return;
	}
	console.log(`matmul ceiling, tfjs-wasm (XNNPACK, 1 thread) vs PyTorch (${refNote}); load average ${load}`);
	console.log('| matmul | shape | tfjs-wasm ms | GMAC/s | torch 1 thread ms | GMAC/s | torch 2 threads ms | wasm / torch-1 |');
	console.log('|---|---|---|---|---|---|---|---|');
	const f = (x: number | null, d = 3) => (x === null || Number.isNaN(x) ? '–' : x.toFixed(d));
	for (const r of rows) {
		console.log(`| ${r.what} | ${r.shape} | ${f(r.ours_ms)} | ${f(r.ours_gmac_s, 1)} | ${f(r.torch1_ms)} | ${r.torch1_ms ? f(r.gmac / (r.torch1_ms / 1000), 1) : '–'} | ${f(r.torch2_ms)} | ${r.torch1_ms ? f(r.ours_ms / r.torch1_ms, 2) : '–'} |`);
	}
	const gm = sum((r) => r.gmac);
	console.log(`| all 8 of one step | ${(gm * 1000).toFixed(1)} M MAC | ${f(sum((r) => r.ours_ms))} | ${f(gm / (sum((r) => r.ours_ms) / 1000), 1)} | ${f(sum((r) => r.torch1_ms))} | ${f(gm / (sum((r) => r.torch1_ms) / 1000), 1)} | ${f(sum((r) => r.torch2_ms))} | ${f(sum((r) => r.ours_ms) / sum((r) => r.torch1_ms), 2)} |`);
}

void main();

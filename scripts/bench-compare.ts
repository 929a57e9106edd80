// `npm run bench:compare [-- --json] [--big] [--workers N] [--only update,lab,spectrum,stream,train]`: ours and the references (bench/reference/*.py, numpy and
// PyTorch) back to back on the same shapes, with the ratios of issue 10's table. A reference that cannot run
// (no Python, no numpy, no torch) is reported as skipped with the reason — never replaced by a number.
// --json prints one object per row: {"what", "ours_ms", "reference_ms", "ratio", ...}. --big uses the issue's
// 32 × 16,384 × 512 trajectory (1.07 GB on disk) for the streaming row; the default is 8 × 8,192 × 256 (67 MB).
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { createProbeState, createRng, gaussianCloud, lanczos, npyHeader, probeSnapshot, type ProbeState } from '../src/lib/probe/index';
import { withLiveProbe } from '../src/lib/train/worker/live-probe';
import { PRESETS } from '../src/lib/train/presets';
import { Session } from '../src/lib/train/session';
import { runProbe } from '../src/lib/train/snapshot';
import type { Evaluation } from '../src/lib/train/trainer';
import { addTrainThreadRows } from './bench-compare-train';
import { createProbeThreads, type ProbeThreads } from '../src/lib/probe/threads/probe-threads';
import { median, timeIt } from './bench-timing';

const args = process.argv.slice(2);
const json = args.includes('--json');
const big = args.includes('--big');
const onlyArg = args.includes('--only') ? args[args.indexOf('--only') + 1] ?? '' : 'update,lab,spectrum,stream,train';
const only = new Set(onlyArg.split(','));
// --workers N: passed to `npm run probe` in the stream row (default: the CLI's own, min(cores, 4)).
const streamWorkers = args.includes('--workers') ? ['--workers', args[args.indexOf('--workers') + 1] ?? '1'] : [];
const PY = '/usr/bin/python3';

interface Row {
	what: string;
	ours_ms: number | null;
	reference_ms: number | null;
	ratio: number | null;
	target: string;
	note?: string;
	[extra: string]: unknown;
}
const rows: Row[] = [];
const log = (s: string) => process.stderr.write(s + '\n');

/** Steady state, as over a run's hundreds of snapshots: past V8's tier-up, then the median. */
const time = (fn: () => void, budget?: number, maxReps?: number) => timeIt(fn, { budget, maxReps }).median;

/** Runs a reference script with OpenBLAS's machine overrides removed; JSON lines out, or the reason it could not. */
function python(script: string, taskArgs: string[]): { lines: Record<string, unknown>[]; skipped?: string } {
	const env = { ...process.env };
	delete env.OPENBLAS_CORETYPE;
	delete env.OPENBLAS_L2_SIZE;
	const r = spawnSync(PY, [join('bench/reference', script), ...taskArgs], { env, encoding: 'utf8', maxBuffer: 1 << 24 });
	if (r.error) return { lines: [], skipped: `${PY} not runnable (${r.error.message})` };
	if (r.status !== 0) {
		const last = (r.stderr || '').trim().split('\n').pop() ?? '';
		return { lines: [], skipped: /No module named/.test(last) ? last.replace(/^.*Error: /, '') : `reference failed: ${last}` };
	}
	return { lines: r.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) };
}

function add(what: string, ours: number | null, ref: number | null, target: string, extra: Partial<Row> = {}) {
	const load = Number(loadavg()[0].toFixed(1)); // other work on the machine inflates both sides; reported per row
	rows.push({ what, ours_ms: ours, reference_ms: ref, ratio: ours !== null && ref !== null ? ours / ref : null, target, load_average_1min: load, ...extra });
	const r = rows[rows.length - 1];
	log(`${what}: ours ${ours?.toFixed(1) ?? '–'} ms, reference ${ref?.toFixed(1) ?? '–'} ms${r.ratio !== null ? `, ratio ${r.ratio.toFixed(2)}` : ''}${r.note ? ` (${r.note})` : ''}`);
}

// 1. One probe update, as bench:probe: a float32 cloud with a few strong directions, warm prototypes, 5 EM steps.
// With `threads`: the Node-only pool (covariance, EM and free energy on row ranges across its threads).
function oursUpdate(n: number, d: number, threads?: ProbeThreads): number {
	const variances = Array.from({ length: d }, (_, i) => 1 / (1 + i) + 0.05);
	const Z = Float32Array.from(gaussianCloud(n, variances, 17, { rotate: true }).Z);
	const beta = { mode: 'fixed' as const, beta: 1.5 / variances[0] };
	let state: ProbeState = createProbeState(d, 8, 1);
	for (let i = 0; i < 3; i++) state = probeSnapshot(Z, n, d, beta, state, { threads }).state;
	return time(() => probeSnapshot(Z, n, d, beta, state, { threads }));
}

/** diag(1/(1+i) + 0.05) turned by three random Householder reflections (as the numpy side builds it). */
function reflectedCovariance(d: number, seed: number): Float64Array {
	const C = new Float64Array(d * d);
	for (let i = 0; i < d; i++) C[i * d + i] = 1 / (1 + i) + 0.05;
	const rng = createRng(seed);
	const w = new Float64Array(d);
	for (let r = 0; r < 3; r++) {
		const v = Float64Array.from({ length: d }, () => rng.normal());
		const norm = Math.hypot(...v);
		for (let i = 0; i < d; i++) v[i] /= norm;
		// C ← H C H with H = I − 2vvᵀ: C − 2v(vᵀC) − 2(Cv)vᵀ + 4(vᵀCv)vvᵀ.
		for (let i = 0; i < d; i++) {
			let s = 0;
			for (let j = 0; j < d; j++) s += C[i * d + j] * v[j];
			w[i] = s;
		}
		let vCv = 0;
		for (let i = 0; i < d; i++) vCv += v[i] * w[i];
		for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) C[i * d + j] += -2 * v[i] * w[j] - 2 * w[i] * v[j] + 4 * vCv * v[i] * v[j];
	}
	return C;
}

let threadPool: ProbeThreads | null = null;
const pool = () => (threadPool ??= createProbeThreads(2));

async function main() {
	// Each reference runs right after our side of its row, so both see about the same machine load.
	let skippedNote: string | undefined;
	const refMs = (task: string, what: string): number | null => {
		const ref = python('probe_update.py', [task]);
		const kernel = ref.lines[0] as { kernel?: string } | undefined;
		if (kernel?.kernel && !rows.length) log(`numpy reference BLAS: ${kernel.kernel} (OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset for it)`);
		skippedNote = ref.skipped ? `numpy reference skipped: ${ref.skipped}` : undefined;
		return (ref.lines.find((l) => l.what === what)?.ms as number | undefined) ?? null;
	};

	for (const [n, d, target] of only.has('update') ? ([
		[2048, 128, '≤ 0.5× numpy'],
		[8192, 512, '≤ 1× numpy']
	] as const) : []) {
		const what = `probe update N ${n} x d ${d}, K 8`;
		const ours = oursUpdate(n, d);
		// Ours gets float32 rows (as the worker posts them): the float32 kernels, covariance within the stated tolerance.
		const path = 'float32 rows: covariance from f32 blocks (|ΔΣ_ij| ≤ 1e-6·√(Σ_ii Σ_jj)), EM and free energy float64';
		const ref = refMs(`update:${n}:${d}`, what);
		add(what, ours, ref, target, { note: skippedNote ?? path });
		const two = oursUpdate(n, d, pool());
		add(`${what} (2 threads)`, two, ref, target, { note: skippedNote ?? `${path}; Node worker_threads on one shared WebAssembly memory` });
	}

	// 2. The lab's probe per snapshot on grokking-97's shape (9,409 × 256), with the lab's settings (live-probe.ts).
	if (only.has('lab')) {
		const n = 9409;
		const d = 256;
		const variances = Array.from({ length: d }, (_, i) => 1 / (1 + i) + 0.05);
		const Z = Float32Array.from(gaussianCloud(n, variances, 17, { rotate: true }).Z);
		const ev: Evaluation = {
			metrics: { kind: 'sae' } as unknown as Evaluation['metrics'],
			Z,
			n,
			d,
			betaSpec: { mode: 'fixed', beta: 1.5 / variances[0] },
			labels: new Int16Array(n),
			isTrain: null,
			wt: null
		};
		const grok97 = PRESETS.find((p) => p.name === 'grokking-97')?.config ?? PRESETS[0].config;
		const live = withLiveProbe(grok97);
		const display = Int32Array.from({ length: 300 }, (_, i) => i);
		const measure = (config: typeof live) => {
			let state = runProbe(ev, null, config, display, 0, 1).state;
			for (let i = 0; i < 3; i++) state = runProbe(ev, state, config, display, 0, 1).state;
			return time(() => {
				state = runProbe(ev, state, config, display, 0, 1).state;
			});
		};
		const full = measure({ ...live, probeRows: undefined, hessianAtState: false });
		const sub = measure({ ...live, hessianAtState: false });
		const withHessian = measure(live);
		add('lab probe per snapshot, grokking-97 shape (9,409 x 256), all points', full, null, '≤ 50 ms', { note: 'no reference: target from issue 10' });
		add(`lab probe per snapshot, fixed subsample of ${live.probeRows} points`, sub, null, '≤ 50 ms', { note: 'as the lab runs it, without the Hessian at the state' });
		add(`lab probe per snapshot, subsample + Hessian at the state (Lanczos ≤ 24 HVPs)`, withHessian, null, '≤ 50 ms', { note: 'as the lab runs it' });
		// The browser lab cannot use threads (the site is not cross-origin isolated); the Node update on its shape can.
		const shape = 'probe update on the lab shape (9,409 x 256), K 8, all points';
		add(shape, oursUpdate(n, d), null, '–', { note: 'one thread' });
		add(`${shape} (2 threads)`, oursUpdate(n, d, pool()), null, '–', { note: 'Node only: worker_threads on one shared WebAssembly memory' });
	}

	// 3. Top-8 eigenpairs of a d×d covariance: Lanczos (ours) against numpy's dense eigh.
	for (const d of only.has('spectrum') ? [2048, 4096] : []) {
		const C = reflectedCovariance(d, 3);
		let iterations = 0;
		const ours = time(
			() => {
				const r = lanczos(
					(x, y) => {
						for (let i = 0; i < d; i++) {
							let s = 0;
							const o = i * d;
							for (let j = 0; j < d; j++) s += C[o + j] * x[j];
							y[i] = s;
						}
					},
					d,
					8,
					{ tol: 1e-8 }
				);
				iterations = r.iterations;
			},
			2000,
			5
		);
		const what = `top-8 spectrum, d ${d}`;
		add(what, ours, refMs(`spectrum:${d}`, what), '≤ 1000 ms at d 4096', {
			note: skippedNote ?? `Lanczos, ${iterations} iterations, residual ≤ 1e-8·λ1; reference numpy.linalg.eigh (full, one run)`
		});
	}

	// 4. `npm run probe` streaming a (T, N, d) float32 trajectory from disk, against numpy reading it by memmap.
	if (only.has('stream')) {
		const [T, n, d] = big ? [32, 16384, 512] : [8, 8192, 256];
		const dir = mkdtempSync(join(tmpdir(), 'bench-compare-'));
		const path = join(dir, 'trajectory.npy');
		try {
			const bytes = npyHeader('<f4', [T, n, d]);
			const fd = openSync(path, 'w');
			writeSync(fd, bytes);
			const variances = Array.from({ length: d }, (_, i) => 1 / (1 + i) + 0.05);
			for (let t = 0; t < T; t++) {
				const scale = 1 + t / T;
				const Z = Float32Array.from(gaussianCloud(n, variances.map((v, i) => (i === 0 ? v * scale * scale : v)), 100 + t, { rotate: false }).Z);
				writeSync(fd, new Uint8Array(Z.buffer));
			}
			closeSync(fd);
			const fileBytes = bytes.length + T * n * d * 4;
			// `npm run probe` as a user runs it (its JavaScript bundle, built once beforehand; default --workers).
			spawnSync(process.execPath, ['scripts/probe.mjs', '--help']);
			const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, '--expose-gc', 'scripts/probe.mjs', path, '--beta', '1', '--json', ...streamWorkers], {
				encoding: 'utf8',
				maxBuffer: 1 << 26
			});
			const [wall, kb] = (r.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
			const oursMs = r.status === 0 ? wall * 1000 : null;
			const rss = kb * 1024;
			const refStream = python('probe_update.py', [`stream:${path}`]);
			const line = refStream.lines.find((l) => String(l.what).startsWith('stream'));
			const what = `npm run probe, (T ${T}, N ${n}, d ${d}) float32 trajectory (${(fileBytes / 1e6).toFixed(0)} MB)`;
			add(what, oursMs, (line?.ms as number | undefined) ?? null, 'ratio ≤ 2 (≥ 0.5× numpy throughput); peak memory ≤ 35% of the file', {
				peak_rss_bytes: rss,
				peak_rss_fraction_of_file: rss / fileBytes,
				reference_peak_rss_bytes: line?.peak_rss_bytes ?? null,
				workers: streamWorkers[1] ?? 'default',
				note: `ours includes Node start-up; peak RSS ${(rss / 1e6).toFixed(0)} MB = ${((100 * rss) / fileBytes).toFixed(0)}% of the file${refStream.skipped ? `; reference skipped: ${refStream.skipped}` : ''}`
			});
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}

	// 5. A grokking-59 training step on tfjs-wasm (Node) against PyTorch, one thread.
	if (only.has('train')) {
		tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
		await tf.setBackend('wasm');
		await tf.ready();
		const preset = PRESETS.find((p) => p.name === 'grokking-59')!;
		const session = new Session(structuredClone(preset.config), 1, 2);
		session.trainer.train(3);
		await session.trainer.readLoss();
		const xs: number[] = [];
		const start = performance.now();
		while (xs.length < 10 || (xs.length < 100 && performance.now() - start < 3000)) {
			const t0 = performance.now();
			session.trainer.train(1);
			await session.trainer.readLoss();
			xs.push(performance.now() - t0);
		}
		session.dispose();
		const cfg = preset.config as { p: number; embedDim: number; hidden: number };
		const torch = python('grokking_step.py', [String(cfg.p), String(cfg.embedDim), String(cfg.hidden)]);
		const one = torch.lines.find((l) => l.threads === 1);
		add('grokking-59 training step, wasm (Node) vs PyTorch 1 thread', median(xs), (one?.ms as number | undefined) ?? null, '≤ 2× PyTorch', {
			note: torch.skipped ? `PyTorch reference skipped: ${torch.skipped} (apt-get install python3-torch)` : `torch ${String(one?.torch)}, the same first-layer form as ours (${String(one?.variant ?? '?')})`
		});
		// Chromium with and without wasm threads, PyTorch with 2 threads, PyTorch's previous one-hot form.
		addTrainThreadRows(add, median(xs), torch.lines, torch.skipped);
	}

	if (json) for (const r of rows) console.log(JSON.stringify(r));
	else {
		console.log(`bench:compare (node ${process.version}; medians; ratio = ours / reference)`);
		for (const r of rows) {
			const f = (x: number | null) => (x === null ? '–' : x < 10 ? x.toFixed(2) : x.toFixed(0));
			console.log(`${r.what}\n    ours ${f(r.ours_ms)} ms   reference ${f(r.reference_ms)} ms   ratio ${r.ratio === null ? '–' : r.ratio.toFixed(2)}   target ${r.target}${r.note ? `\n    ${r.note}` : ''}`);
		}
	}
	await threadPool?.close();
}

void main();

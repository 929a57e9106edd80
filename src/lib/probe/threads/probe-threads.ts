import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { KERNEL_OPS, type KernelOp, type KernelThreads } from './kernel-threads';
import { KERNELS_SHARED_WASM_BASE64 } from './kernels-shared-wasm';
import type { Exports } from '../wasm/wasm-kernels';

/**
 * A pool of Node worker threads running the probe's float32 kernels (cov32, em32) on row blocks of one shared
 * WebAssembly memory — Node only: browsers here are not cross-origin isolated and keep the single-thread module.
 * Workers stay alive between calls and are driven through a small SharedArrayBuffer control block with
 * Atomics.wait/notify (no postMessage per call). Pass the pool as `probeSnapshot(..., { threads })`; `close()` it
 * when done (the workers are unref'd, so a forgotten pool does not keep the process alive either).
 */
export interface ProbeThreads extends KernelThreads {
	/** Stops the workers; resolves when they have exited. */
	close(): Promise<void>;
	/** Row ranges run by the workers (not the caller) so far: 0 means the second core never took part. */
	workerRanges(): number;
}

/**
 * Per-call work (float64 multiply-adds as em32 does them, ~0.3 ms on one core here) below which the kernels stay on
 * the calling thread. From `npm run bench:probe-threads`: on a quiet core a
 * call of ~2e6 already gains from a second thread; when other work holds the second core nothing gains and a split
 * call costs ~0.03 ms more, so small calls never pay the wake-up.
 */
export const DEFAULT_MIN_WORK = 2e6;

/** f64 slots per chunk in the argument block: the op, then up to 15 kernel arguments. */
const SLOT = 16;
/**
 * Row ranges per thread: threads claim ranges as they come free, so a thread the OS holds back (another job on the
 * core) leaves its ranges to the others instead of stalling the call; the partial sums are per range and added in
 * range order, so who ran which range never changes a bit of the result.
 */
export const CHUNKS_PER_THREAD = 4;

// Control block (Int32): [0] generation, [1] next range to claim, [2] ranges finished, [3] ranges in this call,
// [4] a kernel threw, [5] closing, [6] ranges the workers have run (all calls).
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { module, memory, control, args, ops } = workerData;
const k = new WebAssembly.Instance(module, { env: { memory } }).exports;
const ctl = new Int32Array(control);
const a = new Float64Array(args);
let seen = 0;
for (;;) {
	Atomics.wait(ctl, 0, seen);
	seen = Atomics.load(ctl, 0);
	if (Atomics.load(ctl, 5)) break;
	for (;;) {
		const i = Atomics.add(ctl, 1, 1);
		const n = Atomics.load(ctl, 3);
		if (i >= n) break;
		try {
			const f = k[ops[a[i * ${SLOT}] - 1]];
			f(...Array.prototype.slice.call(a, i * ${SLOT} + 1, i * ${SLOT} + 1 + f.length));
		} catch (e) {
			Atomics.store(ctl, 4, 1);
		}
		Atomics.add(ctl, 6, 1);
		if (Atomics.add(ctl, 2, 1) + 1 === n) Atomics.notify(ctl, 2);
	}
}
`;

let shared: ProbeThreads | null | undefined;

/**
 * One process-wide pool for command-line use (`npm run probe file.npy --workers N`: a single snapshot's covariance and
 * EM rows across N threads), never closed (its workers are unref'd, so the process still exits). `count` is capped at
 * the machine's cores; below 2 there is no pool (null). The first call decides the pool for the process.
 * Measured on an idle 2-core machine (2026-11-30, load 0.04): N 8192 × d 512 119 → 76 ms, 2048 × 128 5.3 → 4.5 ms
 * (src/lib/probe/README.md, Two cores).
 */
export function sharedProbeThreads(count: number): ProbeThreads | null {
	if (shared !== undefined) return shared;
	const n = Number.isInteger(count) ? Math.min(Math.max(count, 1), availableParallelism()) : 1;
	shared = n >= 2 ? createProbeThreads(n) : null;
	return shared;
}

function decode(b64: string): Uint8Array<ArrayBuffer> {
	const bytes = Buffer.from(b64, 'base64');
	const out = new Uint8Array(bytes.length);
	out.set(bytes);
	return out;
}

/**
 * `count` threads in all (the caller plus count − 1 workers; default: the machine's cores, at most 2 — more than the
 * cores only oversubscribe). minWork: the per-call multiply-adds below which the kernels stay on the calling thread.
 */
export function createProbeThreads(count = Math.min(availableParallelism(), 2), options: { minWork?: number } = {}): ProbeThreads {
	if (!Number.isInteger(count) || count < 1) throw new RangeError(`threads must be a positive integer, got ${count}`);
	const module = new WebAssembly.Module(decode(KERNELS_SHARED_WASM_BASE64));
	const memory = new WebAssembly.Memory({ initial: 1, maximum: 65536, shared: true });
	const k = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as Exports;
	const chunks = count > 1 ? CHUNKS_PER_THREAD * count : 1;
	const control = new SharedArrayBuffer(4 * 8);
	const argBuffer = new SharedArrayBuffer(8 * SLOT * chunks);
	const ctl = new Int32Array(control);
	const argv = new Float64Array(argBuffer);
	const exited: Promise<void>[] = [];
	const workers: Worker[] = [];
	for (let w = 0; w < count - 1; w++) {
		const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { module, memory, control, args: argBuffer, ops: KERNEL_OPS } });
		worker.unref();
		workers.push(worker);
		exited.push(new Promise((done) => worker.once('exit', () => done())));
		worker.on('error', (e) => { if (process.env.PROBE_THREADS_DEBUG) console.error('probe worker error', e); }); // a worker that fails to start claims no range: the caller runs them all
	}
	let generation = 0;
	let closed = false;

	function run(op: KernelOp, args: number[][]): void {
		if (closed) throw new Error('probe threads: run() after close()');
		if (args.length > chunks) throw new RangeError(`probe threads: ${args.length} ranges, at most ${chunks}`);
		const f = k[op] as (...a: number[]) => void;
		if (count === 1) {
			for (const a of args) f(...a);
			return;
		}
		const opIndex = KERNEL_OPS.indexOf(op) + 1;
		for (let i = 0; i < args.length; i++) {
			argv[i * SLOT] = opIndex;
			for (let j = 0; j < args[i].length; j++) argv[i * SLOT + 1 + j] = args[i][j];
		}
		const n = args.length;
		// Ranges and their count first, then the counters, then the generation that wakes the workers.
		Atomics.store(ctl, 3, n);
		Atomics.store(ctl, 4, 0);
		Atomics.store(ctl, 2, 0);
		Atomics.store(ctl, 1, 0);
		Atomics.store(ctl, 0, ++generation);
		Atomics.notify(ctl, 0);
		for (;;) {
			const i = Atomics.add(ctl, 1, 1);
			if (i >= n) break;
			// a trap here must not leave the call half-counted: note it, finish the call, then throw
			try {
				f(...args[i]);
			} catch {
				Atomics.store(ctl, 4, 1);
			}
			Atomics.add(ctl, 2, 1);
		}
		for (;;) {
			const done = Atomics.load(ctl, 2);
			if (done === n) break;
			Atomics.wait(ctl, 2, done);
		}
		if (Atomics.load(ctl, 4)) throw new Error(`probe threads: ${op} failed (a row range out of memory?)`);
	}

	async function close(): Promise<void> {
		if (!closed) {
			closed = true;
			Atomics.store(ctl, 5, 1);
			Atomics.store(ctl, 0, ++generation);
			Atomics.notify(ctl, 0);
		}
		for (const worker of workers) worker.ref(); // else a script's event loop may end before their 'exit' events
		await Promise.all(exited);
	}

	const workerRanges = () => Atomics.load(ctl, 6);
	return { k, count, chunks, minWork: options.minWork ?? DEFAULT_MIN_WORK, run, close, workerRanges };
}

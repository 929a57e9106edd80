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
}

/**
 * Per-call work (float64 multiply-adds as em32 does them, ~0.3 ms on one core here) below which the kernels stay on
 * the calling thread. From `npm run bench:probe-threads`: on a quiet core a
 * call of ~2e6 already gains from a second thread; when other work holds the second core nothing gains and a split
 * call costs ~0.03 ms more, so small calls never pay the wake-up.
 */
export const DEFAULT_MIN_WORK = 2e6;

/** f64 slots per worker in the argument block: the op, then up to 15 kernel arguments. */
const SLOT = 16;
/** How long run() waits for a worker that has not started yet before giving up (a worker that never starts). */
const START_TIMEOUT_MS = 20000;

// Control block (Int32): [0] generation, [1 + w] generation worker w finished, [1 + W + w] worker w started,
// [1 + 2W + w] worker w's kernel threw in that generation.
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { module, memory, control, args, index, workers, ops } = workerData;
const k = new WebAssembly.Instance(module, { env: { memory } }).exports;
const ctl = new Int32Array(control);
const a = new Float64Array(args, index * ${SLOT} * 8, ${SLOT});
Atomics.store(ctl, 1 + workers + index, 1);
Atomics.notify(ctl, 1 + workers + index);
let seen = 0;
for (;;) {
	Atomics.wait(ctl, 0, seen);
	seen = Atomics.load(ctl, 0);
	const op = a[0];
	if (op === 0) break;
	let failed = 0;
	try {
		const f = k[ops[op - 1]];
		f(...Array.prototype.slice.call(a, 1, 1 + f.length));
	} catch (e) {
		failed = 1;
	}
	Atomics.store(ctl, 1 + 2 * workers + index, failed);
	Atomics.store(ctl, 1 + index, seen);
	Atomics.notify(ctl, 1 + index);
}
`;

let shared: ProbeThreads | null | undefined;

/**
 * One process-wide pool for command-line use (`npm run probe file.npy`): min(cores, 2) threads, or null on a
 * one-core machine. Never closed: its workers are unref'd, so the process still exits.
 */
export function sharedProbeThreads(): ProbeThreads | null {
	if (shared === undefined) shared = availableParallelism() >= 2 ? createProbeThreads(2) : null;
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
	const W = count - 1;
	const control = new SharedArrayBuffer(4 * (1 + 3 * W));
	const argBuffer = new SharedArrayBuffer(8 * SLOT * Math.max(W, 1));
	const ctl = new Int32Array(control);
	const argv = new Float64Array(argBuffer);
	const exited: Promise<void>[] = [];
	const workers: Worker[] = [];
	for (let w = 0; w < W; w++) {
		const worker = new Worker(WORKER_SOURCE, {
			eval: true,
			workerData: { module, memory, control, args: argBuffer, index: w, workers: W, ops: KERNEL_OPS }
		});
		worker.unref();
		exited.push(new Promise((done) => worker.once('exit', () => done())));
		worker.on('error', () => {}); // reported to run() through the start flag / timeout instead
		workers.push(worker);
	}
	let generation = 0;
	let closed = false;

	function run(op: KernelOp, args: number[][]): void {
		if (closed) throw new Error('probe threads: run() after close()');
		const opIndex = KERNEL_OPS.indexOf(op) + 1;
		const f = k[op] as (...a: number[]) => void;
		if (W === 0) {
			f(...args[0]);
			return;
		}
		for (let w = 0; w < W; w++) {
			if (Atomics.load(ctl, 1 + W + w) === 1) continue;
			if (Atomics.wait(ctl, 1 + W + w, 0, START_TIMEOUT_MS) === 'timed-out') throw new Error('probe threads: a worker did not start');
		}
		for (let w = 0; w < W; w++) {
			const a = args[w + 1];
			argv[w * SLOT] = opIndex;
			for (let i = 0; i < a.length; i++) argv[w * SLOT + 1 + i] = a[i];
		}
		const gen = ++generation;
		Atomics.store(ctl, 0, gen);
		Atomics.notify(ctl, 0);
		f(...args[0]);
		let failed = false;
		for (let w = 0; w < W; w++) {
			for (;;) {
				const seen = Atomics.load(ctl, 1 + w);
				if (seen === gen) break;
				Atomics.wait(ctl, 1 + w, seen);
			}
			if (Atomics.load(ctl, 1 + 2 * W + w)) failed = true;
		}
		if (failed) throw new Error(`probe threads: ${op} failed in a worker`);
	}

	async function close(): Promise<void> {
		if (!closed) {
			closed = true;
			for (let w = 0; w < W; w++) argv[w * SLOT] = 0;
			Atomics.store(ctl, 0, ++generation);
			Atomics.notify(ctl, 0);
		}
		await Promise.all(exited);
	}

	return { k, count, minWork: options.minWork ?? DEFAULT_MIN_WORK, run, close };
}

import { Worker } from 'node:worker_threads';
import { ProbeInputError } from '../../src/lib/probe/probe-error';
import type { PreparedSnapshot } from '../../src/lib/probe/prepare-snapshot';
import { CliError } from './cli-error';
import type { PrepareJob, PrepareReply, PrepareSetup } from './prepare-protocol';

/** Prepared snapshots in order, computed ahead; `release` hands a snapshot's buffer back for reuse. */
export interface Preparer {
	prepared(t: number): Promise<PreparedSnapshot>;
	release(t: number, p: PreparedSnapshot): void;
	close(): Promise<void>;
}

function rethrow(error: { kind: string; message: string }): never {
	if (error.kind === 'cli') throw new CliError(error.message);
	if (error.kind === 'probe') throw new ProbeInputError(error.message);
	throw new Error(error.message);
}

/**
 * One prepare worker. From the JavaScript bundle (npm run probe) the worker is the bundle's prepare-worker.mjs;
 * from the TypeScript sources (tsx, the tests) it is prepare-worker.ts, loaded through tsx.
 */
function spawn(setup: PrepareSetup): Worker {
	if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./prepare-worker.mjs', import.meta.url), { workerData: { setup } });
	const entry = new URL('./prepare-worker.ts', import.meta.url).href;
	return new Worker(new URL('./ts-worker-boot.mjs', import.meta.url), { workerData: { entry, setup } });
}

/**
 * `workers` threads prepare snapshots 0…count−1 ahead of the in-order probe. At most workers + 1 snapshot buffers
 * (N·d float64 each) exist: one per worker and the one the probe is using, so memory does not grow with T or with
 * how far the workers get ahead. Replies may arrive out of order; `prepared(t)` waits for t, so the output order
 * (and every number) is that of the serial run. An error is reported when its snapshot's turn comes, as serially.
 */
export function preparePool(setup: PrepareSetup, count: number, n: number, d: number, workers: number): Preparer {
	const threads = Array.from({ length: workers }, () => spawn(setup));
	const idle = [...threads];
	const free: ArrayBuffer[] = [];
	let buffers = 0;
	let next = 0;
	let failure: Error | null = null;
	const done = new Map<number, PrepareReply>();
	const waiting = new Map<number, { resolve: (r: PrepareReply) => void; reject: (e: Error) => void }>();

	function pump() {
		while (!failure && next < count && idle.length > 0 && (free.length > 0 || buffers < workers + 1)) {
			let buffer = free.pop();
			if (!buffer) {
				buffer = new ArrayBuffer(n * d * 8);
				buffers++;
			}
			const job: PrepareJob = { t: next++, buffer };
			idle.pop()!.postMessage(job, [buffer]);
		}
	}
	function fail(e: Error) {
		failure ??= e;
		for (const w of waiting.values()) w.reject(failure);
		waiting.clear();
	}
	for (const w of threads) {
		w.on('message', (reply: PrepareReply) => {
			idle.push(w);
			const wait = waiting.get(reply.t);
			if (wait) {
				waiting.delete(reply.t);
				wait.resolve(reply);
			} else done.set(reply.t, reply);
			pump();
		});
		w.on('error', (e) => fail(new Error(`prepare worker failed: ${e.message}`)));
		w.on('exit', (code) => {
			if (code !== 0) fail(new Error(`prepare worker exited with code ${code}`));
		});
	}
	pump();

	return {
		async prepared(t) {
			let reply = done.get(t);
			done.delete(t);
			if (!reply) {
				if (failure) throw failure;
				reply = await new Promise<PrepareReply>((resolve, reject) => waiting.set(t, { resolve, reject }));
			}
			if (reply.error) {
				free.push(reply.buffer);
				rethrow(reply.error);
			}
			return { mean: reply.mean, centred: new Float64Array(reply.buffer, 0, n * d), eig: reply.eig };
		},
		release(_t, p) {
			free.push(p.centred.buffer as ArrayBuffer);
			pump();
		},
		async close() {
			failure ??= new Error('closed');
			await Promise.all(threads.map((w) => w.terminate()));
		}
	};
}

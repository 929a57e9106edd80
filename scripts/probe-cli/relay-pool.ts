import { Worker } from 'node:worker_threads';
import type { BetaSpec, SnapshotResult } from '../../src/lib/probe/index';
import { ProbeInputError } from '../../src/lib/probe/probe-error';
import { initialTrajectoryState } from '../../src/lib/probe/probe-trajectory';
import { CliError } from './cli-error';
import type { FromWorker, RelaySetup, ToWorker } from './relay-protocol';

/**
 * One probe worker. From the JavaScript bundle (npm run probe) it is the bundle's probe-worker.mjs; from the
 * TypeScript sources (tsx, the tests) it is probe-worker.ts, loaded through tsx.
 */
function spawn(setup: RelaySetup): Worker {
	if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./probe-worker.mjs', import.meta.url), { workerData: { setup } });
	const entry = new URL('./probe-worker.ts', import.meta.url).href;
	return new Worker(new URL('./ts-worker-boot.mjs', import.meta.url), { workerData: { entry, setup } });
}

function toError(error: { kind: string; message: string }): Error {
	if (error.kind === 'cli') return new CliError(error.message);
	if (error.kind === 'probe') return new ProbeInputError(error.message);
	return new Error(error.message);
}

/** Jobs sent ahead per thread: the next one is queued before the current EM ends, so no thread waits for main. */
const AHEAD = 2;

/**
 * Snapshots 0…count−1 probed by `threads` worker threads, snapshot t by thread t mod threads. Each thread prepares
 * its snapshot (read, centre, spectrum) as soon as it is free and runs the warm-started EM when the state after
 * snapshot t − 1 arrives, relayed through here; `record` sees the results in snapshot order. Memory: one snapshot
 * buffer and one kernel copy per thread, whatever T. An error is reported when its snapshot's turn comes, as
 * serially (what comes after it is not probed).
 */
export function relayTrajectory(
	setup: RelaySetup,
	count: number,
	d: number,
	threads: number,
	beta: (t: number) => BetaSpec,
	record: (t: number, r: SnapshotResult) => void
): Promise<void> {
	const workers = Array.from({ length: Math.min(threads, count) }, () => spawn(setup));
	const W = workers.length;
	const send = (t: number, m: ToWorker) => workers[t % W].postMessage(m);
	const done = new Map<number, FromWorker>();
	let next = 0;
	let sent = 0;
	const queue = (upTo: number) => {
		for (; sent < Math.min(upTo, count); sent++) send(sent, { kind: 'job', t: sent, beta: beta(sent) });
	};

	const run = new Promise<void>((resolve, reject) => {
		const fail = (e: Error) => reject(e);
		for (const w of workers) {
			w.on('message', (m: FromWorker) => {
				done.set(m.t, m);
				if (!m.error && m.t + 1 < count) send(m.t + 1, { kind: 'state', t: m.t + 1, state: m.state });
				try {
					for (let r = done.get(next); r; r = done.get(next)) {
						done.delete(next);
						if (r.error) return fail(toError(r.error));
						record(next, r.result);
						next++;
					}
				} catch (e) {
					return fail(e as Error);
				}
				queue(next + AHEAD * W);
				if (next === count) resolve();
			});
			w.on('error', (e) => fail(new Error(`probe worker failed: ${e.message}`)));
			w.on('exit', (code) => {
				if (code !== 0 && next < count) fail(new Error(`probe worker exited with code ${code}`));
			});
		}
	});
	queue(AHEAD * W);
	send(0, { kind: 'state', t: 0, state: initialTrajectoryState(d, setup.options) });
	return run.finally(() => Promise.all(workers.map((w) => w.terminate())));
}

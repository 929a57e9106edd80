import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { BetaSpec, SnapshotResult } from '../../src/lib/probe/index';
import { ProbeInputError } from '../../src/lib/probe/probe-error';
import { initialTrajectoryState } from '../../src/lib/probe/probe-trajectory';
import { CliError } from './cli-error';
import type { Snapshots } from './read-snapshots';
import { relayNode } from './relay-node';
import type { Job, Outcome, RelaySetup, StateMessage } from './relay-protocol';

/**
 * One worker thread with its two ring ports. From the JavaScript bundle (npm run probe) it runs the bundle's
 * probe-worker.mjs; from the TypeScript sources (tsx, the tests) probe-worker.ts, loaded through tsx.
 */
function spawn(setup: RelaySetup, prev: MessagePort, next: MessagePort): Worker {
	const transferList = [prev, next];
	if (!import.meta.url.endsWith('.ts')) {
		return new Worker(new URL('./probe-worker.mjs', import.meta.url), { workerData: { setup, prev, next }, transferList });
	}
	const entry = new URL('./probe-worker.ts', import.meta.url).href;
	return new Worker(new URL('./ts-worker-boot.mjs', import.meta.url), { workerData: { entry, setup, prev, next }, transferList });
}

function toError(error: { kind: string; message: string }): Error {
	if (error.kind === 'cli') return new CliError(error.message);
	if (error.kind === 'probe') return new ProbeInputError(error.message);
	return new Error(error.message);
}

/**
 * Snapshots 0…T−1 probed by `threads` threads — this one and threads − 1 workers; 1 = serial, here, with no
 * worker — snapshot t by thread t mod threads. The threads form a ring: each prepares its next snapshot (read, centre, spectrum) as soon as it is free
 * and runs the warm-started EM when the previous thread hands it the state after snapshot t − 1, so preparing
 * overlaps across threads while the EM runs in snapshot order, from the serial run's states (identical numbers).
 * `record` sees the results in order. Memory: one snapshot buffer and one kernel copy per thread, whatever T. An
 * error is reported when its snapshot's turn comes, as serially.
 */
export function relayTrajectory(
	s: Snapshots,
	setup: RelaySetup,
	threads: number,
	beta: (t: number) => BetaSpec,
	record: (t: number, r: SnapshotResult) => void
): Promise<void> {
	const T = setup.count;
	const W = Math.min(threads, T);
	// ring[i] carries states from thread i to thread i + 1 (mod W); thread 0 is this one.
	const ring = Array.from({ length: W }, () => new MessageChannel());
	const workers = Array.from({ length: W - 1 }, (_, k) => spawn(setup, ring[k].port2, ring[k + 1].port1));
	const prev = ring[W - 1].port2;
	const next = ring[0].port1;
	const outcomes = new Map<number, Outcome>();
	let recorded = 0;

	return new Promise<void>((resolve, reject) => {
		const fail = (e: Error) => {
			node.stop();
			reject(e);
		};
		const outcome = (o: Outcome) => {
			outcomes.set(o.t, o);
			try {
				for (let r = outcomes.get(recorded); r; r = outcomes.get(recorded)) {
					outcomes.delete(recorded);
					if (r.error) return fail(toError(r.error));
					record(recorded, r.result);
					recorded++;
				}
			} catch (e) {
				return fail(e as Error);
			}
			if (recorded === T) resolve();
		};
		const node = relayNode(s, setup, { outcome, passState: (t, state) => next.postMessage({ t, state } satisfies StateMessage) });
		prev.on('message', (m: StateMessage) => {
			node.state(m.t, m.state);
			node.work();
		});
		for (const w of workers) {
			w.on('message', outcome);
			w.on('error', (e) => fail(new Error(`probe worker failed: ${e.message}`)));
			w.on('exit', (code) => {
				if (code !== 0 && recorded < T) fail(new Error(`probe worker exited with code ${code}`));
			});
		}
		for (let t = 0; t < T; t++) {
			if (t % W === 0) node.job(t, beta(t));
			else workers[(t % W) - 1].postMessage({ t, beta: beta(t) } satisfies Job);
		}
		node.state(0, initialTrajectoryState(s.d, setup.options));
		setImmediate(() => node.work());
	}).finally(async () => {
		prev.close();
		next.close();
		await Promise.all(workers.map((w) => w.terminate()));
	});
}

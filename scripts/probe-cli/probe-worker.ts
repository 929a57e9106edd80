// A worker thread of `npm run probe --workers N`: probes every N-th snapshot. It reads, centres and takes the
// spectrum of its next snapshot at once (that needs no state), then waits for the state after the previous
// snapshot — relayed from the thread that probed it — and runs the warm-started EM. So the threads overlap their
// preparing while the EM still runs in snapshot order, from the same state as serially: the numbers are identical.
import { parentPort, workerData } from 'node:worker_threads';
import type { BetaSpec, ProbeState } from '../../src/lib/probe/index';
import { ProbeInputError } from '../../src/lib/probe/probe-error';
import { prepareSnapshot, type PreparedSnapshot } from '../../src/lib/probe/prepare-snapshot';
import { probeSnapshot } from '../../src/lib/probe/probe-snapshot';
import { CliError } from './cli-error';
import type { FromWorker, RelaySetup, ToWorker } from './relay-protocol';
import { readSnapshots } from './read-snapshots';

const setup = (workerData as { setup: RelaySetup }).setup;
const s = readSnapshots(setup.file);
const { n, d } = s;
// One snapshot buffer for the life of the thread (prepared in place): memory does not grow with T.
const Z = new Float64Array(n * d);
const jobs: { t: number; beta: BetaSpec }[] = [];
const states = new Map<number, ProbeState>();
let current: { t: number; beta: BetaSpec; prepared: PreparedSnapshot } | null = null;

/**
 * The eigensolver leaves a few MB of d×d scratch per snapshot for the collector, and V8 lets ~64 MB of such
 * off-heap garbage pile up per thread before it collects: with `node --expose-gc` (as `npm run probe` starts) each
 * thread collects after every snapshot instead, which keeps the peak at what the buffers need (a full collection of
 * this small heap costs about a millisecond).
 */
const collectGarbage = (globalThis as { gc?: () => void }).gc ?? (() => {});

function post(reply: FromWorker) {
	parentPort!.postMessage(reply);
}

function failed(t: number, e: unknown) {
	const kind = e instanceof CliError ? 'cli' : e instanceof ProbeInputError ? 'probe' : 'internal';
	post({ t, error: { kind, message: e instanceof Error ? e.message : String(e) } });
	jobs.length = 0; // the run stops at the first error; nothing after it is probed
}

/** Prepare the next job if idle; run the EM of the prepared one once its state has arrived. */
function work() {
	for (;;) {
		if (!current) {
			const job = jobs.shift();
			if (!job) return;
			try {
				s.readInto(job.t, Z);
				current = { ...job, prepared: prepareSnapshot(Z, n, d, setup.kernel, setup.topK, { out: Z, spectrum: setup.spectrum }) };
			} catch (e) {
				failed(job.t, e);
				return;
			}
		}
		const state = states.get(current.t);
		if (!state) return;
		states.delete(current.t);
		const { t, beta, prepared } = current;
		current = null;
		try {
			const out = probeSnapshot(prepared.centred, n, d, beta, state, setup.options, prepared);
			post({ t, result: out.result, state: out.state });
			collectGarbage();
		} catch (e) {
			failed(t, e);
			return;
		}
	}
}

parentPort!.on('message', (m: ToWorker) => {
	if (m.kind === 'job') jobs.push({ t: m.t, beta: m.beta });
	else states.set(m.t, m.state);
	work();
});

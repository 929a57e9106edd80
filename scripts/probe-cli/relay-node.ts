import type { BetaSpec, ProbeState } from '../../src/lib/probe/index';
import { ProbeInputError } from '../../src/lib/probe/probe-error';
import { prepareSnapshot, prepareSnapshot32, type PreparedSnapshot } from '../../src/lib/probe/prepare-snapshot';
import { probeSnapshot } from '../../src/lib/probe/probe-snapshot';
import { CliError } from './cli-error';
import type { Outcome, RelaySetup } from './relay-protocol';
import type { Snapshots } from './read-snapshots';

/**
 * The eigensolver leaves a few MB of d×d scratch per snapshot for the collector, and V8 lets ~64 MB of such
 * off-heap garbage pile up per thread before it collects. Under `node --expose-gc` (as `npm run probe` starts) a
 * thread collects after each snapshot of 32 MB or more instead, so the peak is what the buffers need: a full
 * collection (~10 ms) is then a few per cent of a snapshot's work, and the 64 MB it saves are a snapshot's worth.
 */
const gc = (globalThis as { gc?: () => void }).gc;
const COLLECT_FROM_BYTES = 32 * 2 ** 20;

/**
 * One thread's share of `npm run probe --workers N` (the main thread's or a worker's): it probes the snapshots it
 * is given, in order. It reads, centres and takes the spectrum of its next snapshot as soon as it is free (that
 * needs no state), then waits for the state after the previous snapshot — passed along the ring by the thread that
 * probed it — and runs the warm-started EM from it. Call work() after giving it a job or a state.
 */
export function relayNode(s: Snapshots, setup: RelaySetup, io: { outcome(o: Outcome): void; passState(t: number, state: ProbeState): void }) {
	const { n, d } = s;
	// One snapshot buffer for the life of the thread (prepared in place): memory does not grow with T. float32 files
	// on the probe's float32 route (β mode not kernel, dense spectrum) stay float32: the rows go to kernel memory as
	// they are stored, and the covariance, EM and free energy run on the float32 kernels, as probeSnapshot does for
	// float32 rows (the library and this CLI then give the same numbers).
	const float32 = s.dtype === '<f4' && !setup.kernel && setup.spectrum;
	const Z32 = float32 ? new Float32Array(n * d) : null;
	let Z64: Float64Array | null = null;
	const Z = () => (Z64 ??= new Float64Array(n * d));
	const collectGarbage = gc && n * d * (float32 ? 4 : 8) >= COLLECT_FROM_BYTES ? gc : () => {};
	const K = setup.options.K ?? 8;

	/** Snapshot t read and prepared (float32 route where it applies, else centred in place in float64). */
	function prepare(t: number): PreparedSnapshot {
		if (Z32) {
			s.readFloat32Into(t, Z32);
			const p = prepareSnapshot32(Z32, n, d, K, setup.topK);
			if (p && !p.eig) s.checkFinite(t, Z32); // non-finite sums: say where, as readInto would
			if (p) return p;
		}
		const z = Z();
		s.readInto(t, z);
		return prepareSnapshot(z, n, d, setup.kernel, setup.topK, { out: z, spectrum: setup.spectrum });
	}
	const jobs: { t: number; beta: BetaSpec }[] = [];
	const states = new Map<number, ProbeState>();
	let current: { t: number; beta: BetaSpec; prepared: PreparedSnapshot } | null = null;

	function failed(t: number, e: unknown) {
		const kind = e instanceof CliError ? 'cli' : e instanceof ProbeInputError ? 'probe' : 'internal';
		io.outcome({ t, error: { kind, message: e instanceof Error ? e.message : String(e) } });
		jobs.length = 0; // the run stops at the first error; nothing after it is probed here
	}

	return {
		job(t: number, beta: BetaSpec) {
			jobs.push({ t, beta });
		},
		state(t: number, state: ProbeState) {
			states.set(t, state);
		},
		stop() {
			jobs.length = 0;
			current = null;
		},
		work() {
			for (;;) {
				if (!current) {
					const job = jobs.shift();
					if (!job) return;
					try {
						current = { ...job, prepared: prepare(job.t) };
					} catch (e) {
						return failed(job.t, e);
					}
				}
				const state = states.get(current.t);
				if (!state) return;
				states.delete(current.t);
				const { t, beta, prepared } = current;
				current = null;
				try {
					const out = probeSnapshot(prepared.centred ?? Z32!, n, d, beta, state, setup.options, prepared);
					if (t + 1 < setup.count) io.passState(t + 1, out.state);
					io.outcome({ t, result: out.result });
				} catch (e) {
					return failed(t, e);
				}
				collectGarbage();
			}
		}
	};
}

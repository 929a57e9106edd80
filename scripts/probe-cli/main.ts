import { calibratedBetaTilde, probeSnapshot, ProbeInputError, type BetaSpec } from '../../src/lib/probe/index';
import { trajectoryRecorder } from '../../src/lib/probe/probe-trajectory';
import { DENSE_MAX_D } from '../../src/lib/probe/snapshot-spectrum';
import { sharedProbeThreads } from '../../src/lib/probe/threads/probe-threads';
import { CliError } from './cli-error';
import { formatSnapshot, formatTrajectory } from './format-report';
import { cliNumber } from '../../src/lib/format/number';
import { HELP } from './help';
import { parseArgs, type CliOptions } from './parse-args';
import { progressBar } from './progress-bar';
import { readMse, readReadout } from './read-readout';
import { readSnapshots, type Snapshots } from './read-snapshots';
import { relayTrajectory } from './relay-pool';
import type { RelaySetup } from './relay-protocol';
import { snapshotJson } from './snapshot-json';

/** Leading eigenpairs reported per snapshot (probeSnapshot's default). */
const TOP_K = 8;

export interface CliIO {
	stdout(text: string): void;
	stderr(text: string): void;
	stderrIsTTY: boolean;
}

/** β spec per snapshot for the chosen mode, plus the lines that explain the choice. */
function betaProvider(o: CliOptions, s: Snapshots): { beta: (t: number) => BetaSpec; notes: string[]; extra: Record<string, unknown> } {
	const T = s.count;
	switch (o.mode) {
		case 'fixed':
			return { beta: () => ({ mode: 'fixed', beta: o.beta! }), notes: [`β mode fixed: β = ${o.beta}`], extra: {} };
		case 'kernel':
			return {
				beta: () => ({ mode: 'kernel', tau: o.tau! }),
				notes: [`β mode kernel: β = 1/τ = ${cliNumber(1 / o.tau!)} on L2-normalised rows`],
				extra: { tau: o.tau }
			};
		case 'residual': {
			const mse = readMse(o.mse!, T);
			return {
				beta: (t) => ({ mode: 'residual', mse: mse[t] }),
				notes: [`β mode residual: β = d/mse with mse ${typeof o.mse === 'number' ? `= ${o.mse}` : `from ${o.mse}`}`],
				extra: { mse }
			};
		}
		case 'readout': {
			const W = readReadout(o.readout!, T, s.d);
			return {
				beta: (t) => ({ mode: 'readout', W: W.perSnapshot[t], classes: W.classes }),
				notes: [`β mode readout: W from ${o.readout}, read as ${W.layout}`],
				extra: { readoutLayout: W.layout, classes: W.classes }
			};
		}
		case 'calibrated': {
			const c = calibratedBetaTilde(s.snapshot(0), s.n, s.d, o.beta);
			const why = o.beta === undefined ? 'so that ρ = 1 at snapshot 0 (pass --beta to choose β there)' : `from β = ${o.beta} at snapshot 0`;
			return {
				beta: () => ({ mode: 'calibrated', betaTilde: c.betaTilde }),
				notes: [`β mode calibrated: β̃ = ${cliNumber(c.betaTilde)} (β = β̃/tr Σ_t), chosen ${why}`],
				extra: { betaTilde: c.betaTilde }
			};
		}
	}
}

async function run(argv: string[], io: CliIO): Promise<number> {
	const o = parseArgs(argv);
	if (o.help) {
		io.stdout(HELP);
		return 0;
	}
	const s = readSnapshots(o.file);
	try {
		return await probeFile(o, s, io);
	} finally {
		s.close();
	}
}

async function probeFile(o: CliOptions, s: Snapshots, io: CliIO): Promise<number> {
	const { beta, notes, extra } = betaProvider(o, s);
	if (s.d > DENSE_MAX_D) {
		notes.push(
			`d = ${s.d} > ${DENSE_MAX_D}: the covariance is never formed; top eigenpairs by ${s.n <= 1024 ? 'the N×N Gram matrix (every eigenvalue)' : 'Lanczos (effective rank not computed)'}`
		);
	}
	const header = { file: o.file, shape: s.shape, dtype: s.dtype, n: s.n, d: s.d, K: o.K, betaMode: o.mode, ...extra, seed: o.seed };
	const shapeLine = `${o.file}: ${s.trajectory ? `T = ${s.count} snapshots of ` : ''}N = ${s.n} points, d = ${s.d} (${s.dtype})`;

	if (!s.trajectory) {
		// EM to convergence can take thousands of steps near ρ = 1: a terminal sees the count and the last move.
		let last = 0;
		const progress = !o.json && io.stderrIsTTY;
		const { result } = probeSnapshot(s.snapshot(0), s.n, s.d, beta(0), null, {
			K: o.K,
			converge: true,
			maxIter: o.maxIter,
			seed: o.seed,
			// one snapshot: covariance and EM rows across --workers threads (none for --workers 1)
			threads: sharedProbeThreads(o.workers),
			onEmIteration: progress
				? (it, move) => {
						const now = performance.now();
						if (now - last < 250) return;
						last = now;
						io.stderr(`\rEM to convergence: step ${it} of at most ${o.maxIter}, last move ${move.toExponential(2)}   `);
					}
				: undefined
		});
		if (progress && last > 0) io.stderr(`\r${' '.repeat(80)}\r`);
		if (o.json) io.stdout(JSON.stringify({ ...header, notes, snapshots: [snapshotJson(result, 0, 0)] }, null, 1) + '\n');
		else io.stdout([shapeLine, ...notes, 'EM from a jittered symmetric start, run to convergence', '', formatSnapshot(result), ''].join('\n'));
		return 0;
	}

	const bar = !o.json && io.stderrIsTTY && s.count > 1 ? progressBar(io.stderr) : null;
	const T = s.count;
	const options = { K: o.K, emSteps: o.emSteps, converge: o.converge, maxIter: o.maxIter, seed: o.seed, topK: TOP_K };
	// Lanczos (wide data) is warm-started from the previous snapshot's vectors: its spectrum waits for the state.
	const setup: RelaySetup = { file: o.file, count: T, kernel: o.mode === 'kernel', topK: Math.min(TOP_K, s.d), spectrum: s.d <= DENSE_MAX_D, options };
	const meta = { count: T, n: s.n, d: s.d, beta, step: (t: number) => t * o.every };
	const rec = trajectoryRecorder(meta, { onProgress: bar?.update });
	try {
		await relayTrajectory(s, setup, o.workers, beta, rec.record);
	} finally {
		bar?.clear();
	}
	const out = rec.finish();
	const rows = out.results.map((r, t) => ({ step: t * o.every, r }));
	if (o.json) {
		const snapshots = rows.map(({ step, r }, t) => snapshotJson(r, t, step));
		io.stdout(JSON.stringify({ ...header, notes, snapshots, events: out.events }, null, 1) + '\n');
	} else {
		const em = o.converge ? 'EM converged at every snapshot' : `${o.emSteps} warm-started EM steps per snapshot`;
		io.stdout([shapeLine, ...notes, em, '', formatTrajectory(rows, out.events), ''].join('\n'));
	}
	return 0;
}

/** The whole CLI with injectable argv and output; resolves to the exit code (0 ok, 2 bad input, 1 internal). */
export async function main(argv: string[], io: CliIO): Promise<number> {
	try {
		return await run(argv, io);
	} catch (e) {
		if (e instanceof CliError || e instanceof ProbeInputError) {
			io.stderr(`probe: ${e.message}\n`);
			return 2;
		}
		io.stderr(`probe: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
		return 1;
	}
}

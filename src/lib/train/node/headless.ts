/**
 * A run straight through, without a worker: the CLI's and the bench's loop over the same Session the worker uses.
 * Stops at `steps`, on a NaN/divergence (reported, not hidden), or — for grokking with `stopAfterGrok` — that many
 * steps after test accuracy first reaches 95%.
 */
import type { ToyConfig } from '../config';
import type { Snapshot } from '../protocol';
import { summarise, toRecord, type RunSummary, type SnapshotRecord } from '../run-summary';
import type { Schedule } from '../schedule';
import { Session } from '../session';
import type { UploadedActivations } from '../upload-validate';

export interface HeadlessOptions {
	steps: number;
	stopAfterGrok?: number;
	/** Stop this many steps after the network's symmetry breaking (W/T, events.symmetryBreaking) is first seen. */
	stopAfterSb?: number;
	onSnapshot?: (s: Snapshot) => void;
	/** Uploaded activations, for an SAE config with `upload` set (`npm run train -- sae --data`). */
	data?: UploadedActivations | null;
	/** Hyper-parameter changes at set steps (schedule.ts). */
	schedule?: Schedule;
}

export interface HeadlessResult {
	records: SnapshotRecord[];
	summary: RunSummary;
	/** Mean wall ms per training step (incl. the loss read) and per snapshot (evaluation + probe). */
	msPerStep: number;
	msPerProbe: number;
}

export async function runHeadless(config: ToyConfig, seed: number, opts: HeadlessOptions): Promise<HeadlessResult> {
	if (!Number.isInteger(opts.steps) || opts.steps < 1) throw new Error(`steps must be a positive integer, got ${opts.steps}`);
	const session = new Session(config, seed, 4, opts.data ?? null);
	session.schedule = opts.schedule ?? [];
	const records: SnapshotRecord[] = [];
	let trainMs = 0;
	let probeMs = 0;
	let probes = 0;
	let stopped: string | null = null;
	let grokkedAt: number | null = null;
	let last: Snapshot | null = null;
	try {
		for (;;) {
			if (session.snapshotDue() || session.step === opts.steps) {
				const t0 = performance.now();
				last = await session.snapshot();
				probeMs += performance.now() - t0;
				probes++;
				records.push(toRecord(last));
				opts.onSnapshot?.(last);
				if (last.metrics.kind === 'grokking' && grokkedAt === null && last.metrics.testAcc >= 0.95) grokkedAt = last.step;
				if (!session.snapshotHealth.ok) {
					stopped = session.snapshotHealth.message;
					break;
				}
			}
			if (session.step >= opts.steps) break;
			if (opts.stopAfterGrok !== undefined && grokkedAt !== null && session.step >= grokkedAt + opts.stopAfterGrok) break;
			const sb = last?.events.symmetryBreaking ?? null;
			if (opts.stopAfterSb !== undefined && sb !== null && session.step >= sb + opts.stopAfterSb) break;
			const t0 = performance.now();
			session.train(opts.steps - session.step);
			const health = await session.health();
			trainMs += performance.now() - t0;
			if (!health.ok) {
				stopped = health.message;
				if (session.lastSnapshotStep !== session.step) {
					try {
						last = await session.snapshot();
						records.push(toRecord(last));
						opts.onSnapshot?.(last);
					} catch {
						// Non-finite hidden states cannot be probed; the summary ends at the last good snapshot.
					}
				}
				break;
			}
		}
		return {
			records,
			summary: summarise(records, last!, stopped),
			msPerStep: trainMs / Math.max(1, session.step),
			msPerProbe: probeMs / Math.max(1, probes)
		};
	} finally {
		session.dispose();
	}
}

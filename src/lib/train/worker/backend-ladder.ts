/**
 * Choose the tfjs backend by measurement, not by name (measured here: on a software GPU, WebGPU is ~20× slower
 * than wasm). Each candidate is set up, then runs real training steps of the toy's mid-sized preset: one untimed step
 * (shader compilation), then a few timed ones ended by an awaited read. The fastest wins; failures and backends far
 * slower than the best so far are rejected with their reason. The CPU backend is only tried when nothing else works.
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendName, ToyConfig } from '../config';
import { createTrainer } from '../create-trainer';
import type { BackendTrial } from '../protocol';

const LADDER: BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

export interface LadderOptions {
	/** Tried first (still measured). */
	prefer?: BackendName;
	/** Candidates in order (default LADDER); cpu, if listed, is only tried when all others failed. */
	candidates?: BackendName[];
	/** Timed steps per candidate (default 3). */
	timedSteps?: number;
	/** A first (compiling) step slower than this rejects the backend without timing it (default 4000 ms). */
	firstStepLimitMs?: number;
	/** Reject a backend slower than this factor × the best so far (default 3). */
	slowFactor?: number;
	/**
	 * Optional check before measuring a backend: a reason to skip it, or null. The browser uses it to skip software
	 * GPUs (SwiftShader), whose first WebGPU step alone took ~20 s here — too long to measure at start-up. Not applied
	 * to the preferred backend.
	 */
	precheck?: (name: BackendName) => Promise<string | null>;
}

export interface LadderChoice {
	backend: BackendName;
	reason: string;
	trials: BackendTrial[];
	/** Measured ms per training step of the warm-up config on the chosen backend. */
	msPerStep: number;
}

async function activate(name: BackendName): Promise<void> {
	const ok = await tf.setBackend(name);
	if (!ok) throw new Error(`${name} backend failed to initialise`);
	await tf.ready();
}

/** Mean ms per training step over `timed` steps after one untimed step, ending with an awaited read. */
async function measureSteps(config: ToyConfig, timed: number, firstStepLimitMs: number): Promise<number> {
	const trainer = createTrainer(config, 0);
	try {
		const t0 = performance.now();
		trainer.train(1);
		await trainer.readLoss();
		const first = performance.now() - t0;
		if (first > firstStepLimitMs) throw new Error(`first step took ${first.toFixed(0)} ms (limit ${firstStepLimitMs})`);
		const t1 = performance.now();
		trainer.train(timed);
		const loss = await trainer.readLoss();
		if (!Number.isFinite(loss)) throw new Error(`warm-up loss is ${loss}`);
		return (performance.now() - t1) / timed;
	} finally {
		trainer.dispose();
	}
}

export async function chooseBackend(config: ToyConfig, options: LadderOptions = {}): Promise<LadderChoice> {
	const { timedSteps = 3, firstStepLimitMs = 4000, slowFactor = 3 } = options;
	const base = options.candidates ?? LADDER;
	const ordered = [...new Set([...(options.prefer ? [options.prefer] : []), ...base])];
	const available = new Set(Object.keys(tf.engine().registryFactory));
	const trials: BackendTrial[] = [];
	let best: { name: BackendName; ms: number } | null = null;

	const tryOne = async (name: BackendName) => {
		if (!available.has(name)) {
			trials.push({ name, ok: false, reason: 'not available in this environment' });
			return;
		}
		try {
			const skip = options.precheck && name !== options.prefer ? await options.precheck(name) : null;
			if (skip) {
				trials.push({ name, ok: false, reason: skip });
				return;
			}
			await activate(name);
			const ms = await measureSteps(config, timedSteps, firstStepLimitMs);
			if (best && ms > slowFactor * best.ms) {
				trials.push({ name, ok: false, ms, reason: `${(ms / best.ms).toFixed(1)}× slower than ${best.name}` });
				return;
			}
			trials.push({ name, ok: true, ms });
			if (!best || ms < best.ms) best = { name, ms };
		} catch (e) {
			trials.push({ name, ok: false, reason: e instanceof Error ? e.message : String(e) });
		}
	};

	for (const name of ordered) if (name !== 'cpu' || options.prefer === 'cpu') await tryOne(name);
	if (!best && ordered.includes('cpu') && options.prefer !== 'cpu') await tryOne('cpu');
	if (!best) {
		throw new Error(`no TensorFlow.js backend works here: ${trials.map((t) => `${t.name}: ${t.reason}`).join('; ')}`);
	}
	const chosen: { name: BackendName; ms: number } = best;
	await activate(chosen.name);
	const others = trials.filter((t) => t.name !== chosen.name && t.ms !== undefined);
	const rejected = trials.filter((t) => !t.ok && t.ms === undefined);
	const reason =
		`fastest measured: ${chosen.ms.toFixed(1)} ms/step` +
		(others.length ? ` (${others.map((t) => `${t.name} ${t.ms!.toFixed(1)}`).join(', ')})` : '') +
		(rejected.length ? `; not used: ${rejected.map((t) => `${t.name} (${t.reason})`).join(', ')}` : '');
	return { backend: chosen.name, reason, trials, msPerStep: chosen.ms };
}

/** Fallback order after `failed` stops working: the other measured backends by speed, then wasm, then cpu. */
export function fallbackOrder(failed: BackendName[], trials: BackendTrial[]): BackendName[] {
	const measured = trials
		.filter((t) => t.ok && t.ms !== undefined)
		.sort((a, b) => a.ms! - b.ms!)
		.map((t) => t.name);
	return [...new Set([...measured, 'wasm' as const, 'cpu' as const])].filter((n) => !failed.includes(n));
}

export { activate as activateBackend };

/**
 * The lottery's memory of an SAE run: the atoms' purity at the early step (earlyFraction of the run), carried through
 * checkpoints and reset, and the lottery statistics of every later evaluation against it. Shared by the SAE on
 * synthetic data (sae-trainer.ts) and the SAE on uploaded activations (upload-trainer.ts).
 */
import { lotteryStats } from './lottery';
import type { LotteryStats } from './protocol';
import type { EarlyMemory } from './trainer';

interface EarlyRecord {
	step: number;
	purity: Float32Array;
	alive: Uint8Array;
}

export class EarlyPurity implements EarlyMemory {
	/** The early step: earlyFraction of the run, at least 1. */
	readonly earlyStep: number;
	private record: EarlyRecord | null = null;

	constructor(earlyFraction: number, steps: number) {
		this.earlyStep = Math.max(1, Math.round(earlyFraction * steps));
	}

	/** Keeps the purity of the early step (unless `keep` is false) and returns the lottery statistics from then on. */
	observe(step: number, purity: Float32Array, alive: Uint8Array, baseline: number, keep = true): LotteryStats | null {
		if (keep && step === this.earlyStep) this.record = { step, purity: purity.slice(), alive: alive.slice() };
		const r = this.record;
		return r && step >= this.earlyStep ? lotteryStats(r.step, r.purity, r.alive, purity, alive, baseline) : null;
	}

	/** For the trainer's checkpoint and reset (EarlyMemory). */
	export(): EarlyRecord | null {
		const r = this.record;
		return r ? { step: r.step, purity: r.purity.slice(), alive: r.alive.slice() } : null;
	}

	import(extra: unknown): void {
		this.record = extra ? (extra as EarlyRecord) : null;
	}

	reset(): void {
		this.record = null;
	}
}

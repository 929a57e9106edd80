/**
 * The guard over what a snapshot will draw (the loss guard in health.ts only sees the loss): a run pauses, with an
 * explanation, when the probe's output, spectrum or projection is not finite, when the weights explode, or when the
 * run has stalled at chance. A snapshot that fails the first check is never posted, so no chart ever receives a
 * non-finite coordinate.
 */
import type { Health } from './health';
import type { Snapshot } from './protocol';

/** Σw² may grow to this multiple of its value at step 0 (wd 0 at lr 3e-3 reaches 14–15× by step 5000). */
export const WEIGHT_GROWTH_LIMIT = 100;
/** A run still at chance after this many steps, whose loss has not improved over the last STALL_WINDOW steps, stalled. */
export const STALL_AFTER = 1000;
const STALL_WINDOW = 500;

/** The first non-finite value among the numbers a snapshot's charts draw, named; null when all are finite. */
export function firstNonFiniteDrawn(s: Snapshot): string | null {
	const p = s.probe;
	const scalars: Record<string, number> = {
		'ρ': p.rho,
		'β': p.beta,
		'β_c': p.betaC,
		h1: p.hessianMin,
		'tr Σ': p.trace,
		spread: p.spread,
		'projection on v1': p.projV1,
		'effective rank': p.effectiveRank
	};
	for (const [name, v] of Object.entries(scalars)) if (!Number.isFinite(v)) return `${name} = ${v}`;
	const arrays: Record<string, ArrayLike<number>> = {
		spectrum: p.lambdas,
		'prototypes on (v1, v2)': p.prototypes2d,
		'points on (v1, v2)': p.points2d
	};
	for (const [name, a] of Object.entries(arrays)) {
		for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return `${name}[${i}] = ${a[i]}`;
	}
	if (p.wt !== null && !Number.isFinite(p.wt)) return `W/T = ${p.wt}`;
	return null;
}

interface Seen {
	step: number;
	loss: number;
}

/** Per-run state of the guard; `reset()` when a new run starts. */
export class SnapshotHealth {
	private initialWeightNorm: number | null = null;
	private losses: Seen[] = [];

	reset(): void {
		this.initialWeightNorm = null;
		this.losses = [];
	}

	/** `classes`: the number of output classes (chance accuracy = 1/classes); 0 when the toy has none. */
	observe(s: Snapshot, classes: number): Health {
		const bad = firstNonFiniteDrawn(s);
		if (bad !== null) {
			return {
				ok: false,
				reason: 'nan',
				message: `The probe's reading became non-finite at step ${s.step} (${bad}); the hidden states have degenerated. Lower the learning rate or the gradient noise, then reset.`
			};
		}
		const m = s.metrics;
		if (m.kind !== 'grokking') return { ok: true };
		this.initialWeightNorm ??= m.weightNorm;
		const growth = m.weightNorm / this.initialWeightNorm;
		if (!(growth <= WEIGHT_GROWTH_LIMIT)) {
			return {
				ok: false,
				reason: 'diverged',
				message: `The weights are exploding: Σw² is ${m.weightNorm.toPrecision(3)} at step ${s.step}, ${Math.round(growth)}× its starting value (limit ${WEIGHT_GROWTH_LIMIT}×). Lower the learning rate or raise weight decay, then reset.`
			};
		}
		this.losses.push({ step: s.step, loss: m.trainLoss });
		const chance = classes > 1 ? 1 / classes : 0;
		if (chance > 0 && s.step >= STALL_AFTER && m.trainAcc < 2 * chance) {
			const cut = s.step - STALL_WINDOW;
			let before = Infinity;
			let recent = Infinity;
			for (const x of this.losses) {
				if (x.step <= cut) before = Math.min(before, x.loss);
				else recent = Math.min(recent, x.loss);
			}
			if (Number.isFinite(before) && !(recent < 0.99 * before)) {
				return {
					ok: false,
					reason: 'diverged',
					message: `The run has stalled: at step ${s.step} the training accuracy is ${(100 * m.trainAcc).toFixed(1)}% (chance ${(100 * chance).toFixed(1)}%) and the loss has not improved over the last ${STALL_WINDOW} steps. The learning rate or the gradient noise is likely too high; lower it and reset.`
				};
			}
		}
		return { ok: true };
	}
}

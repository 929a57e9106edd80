/**
 * One SAE run for the lottery study and the lottery figure (docs/theory.md §6, §3): trains without the probe and
 * records every atom's purity at each evaluation step, the lottery statistics for several "early" fractions, the step
 * at which the ranking settles, and (optionally) ρ(t) of the three SAE β candidates. Runs wherever tfjs runs.
 */
import type { SaeConfig } from '../config';
import { lotteryStats } from '../lottery';
import type { LotteryStats, SaeMetrics } from '../protocol';
import { codesRho, encoderReadoutRho, leadingVariance, residualRho } from './sae-beta';
import { SaeTrainer } from '../sae-trainer';
import { firstCrossing } from '../../probe/first-crossing';

export interface LotteryRunOptions {
	/** Evaluate every k steps (plus step 0, the early steps and the last step). */
	evalEvery: number;
	earlyFractions: number[];
	/** Also read ρ of the β candidates at every evaluation (costs a covariance of the codes). */
	beta?: boolean;
	/** Evaluation rows used for the codes' covariance and Cov x. */
	betaSamples?: number;
	onEval?: (step: number) => void;
}

export interface BetaSeries {
	residual: number[];
	encoderReadout: number[];
	codes: number[];
}

export interface LotteryRunResult {
	seed: number;
	steps: number;
	evalSteps: number[];
	/** Per evaluation (rows) and atom (columns): purity in percent, rounded; −1 for a dead atom. */
	purityPct: number[][];
	baseline: number;
	final: { mse: number; l0: number; dead: number; mmcs: number; meanPurity: number };
	/** Lottery statistics keyed by early fraction ("0.01", "0.05", …). */
	lottery: Record<string, LotteryStats>;
	/** Spearman(purity at t, final purity) per evaluation. */
	spearmanToFinal: number[];
	/** First evaluation step at which spearmanToFinal ≥ SETTLE_LEVEL (null if never before the end). */
	settleStep: number | null;
	rho: BetaSeries | null;
	/** First step with ρ ≥ 1 per candidate (interpolated; the first step if it starts above; null if never). */
	crossing: Record<keyof BetaSeries, number | null> | null;
	/** ρ at step 0 per candidate. */
	rhoStart: Record<keyof BetaSeries, number> | null;
	msPerStep: number;
}

/** The ranking has settled once Spearman(purity at t, final purity) reaches this (its value at the end is 1). */
export const SETTLE_LEVEL = 0.9;

/** Evaluation steps, ascending and distinct: 0, every `every` steps, the `extra` steps (within the run), the last. */
export function evalSchedule(steps: number, every: number, extra: number[] = []): number[] {
	const out = new Set<number>([steps]);
	for (let s = 0; s < steps; s += every) out.add(s);
	for (const s of extra) if (s > 0 && s < steps) out.add(s);
	return [...out].sort((a, b) => a - b);
}

/** The first step of `steps` whose value reaches `level`, or null. */
export function settleStepOf(steps: number[], spearmanToFinal: number[], level = SETTLE_LEVEL): number | null {
	for (let i = 0; i < steps.length; i++) if (spearmanToFinal[i] >= level) return steps[i];
	return null;
}

function toPct(purity: Float32Array, alive: Uint8Array): number[] {
	return Array.from(purity, (p, j) => (alive[j] ? Math.round(p * 100) : -1));
}

export async function runLottery(config: SaeConfig, seed: number, opts: LotteryRunOptions): Promise<LotteryRunResult> {
	const steps = config.steps;
	const trainer = new SaeTrainer(config, seed);
	const earlySteps = opts.earlyFractions.map((f) => Math.max(1, Math.round(f * steps)));
	const evalSteps = evalSchedule(steps, opts.evalEvery, earlySteps);
	const purities: { purity: Float32Array; alive: Uint8Array }[] = [];
	const rho: BetaSeries | null = opts.beta ? { residual: [], encoderReadout: [], codes: [] } : null;
	const nb = Math.min(opts.betaSamples ?? 1024, config.evalSamples);
	const d = config.inputDim;
	const xVar = opts.beta ? leadingVariance(trainer.evalSet.x.subarray(0, nb * d), nb, d) : null;
	let trainMs = 0;
	let last: Awaited<ReturnType<SaeTrainer['evaluate']>> | null = null;
	try {
		for (const target of evalSteps) {
			const t0 = performance.now();
			trainer.train(target - trainer.step);
			await trainer.readLoss();
			trainMs += performance.now() - t0;
			const ev = await trainer.evaluate();
			if (ev.metrics.kind !== 'sae') throw new Error('not an SAE evaluation');
			if (!Number.isFinite(ev.metrics.mse)) throw new Error(`non-finite MSE at step ${target}`);
			purities.push({ purity: ev.metrics.purity.slice(), alive: ev.metrics.alive.slice() });
			if (rho && xVar) {
				const { z, We, n } = await trainer.codesAndEncoder(nb);
				rho.residual.push(residualRho(d, xVar.lambda1, ev.metrics.mse));
				rho.encoderReadout.push(encoderReadoutRho(We, d, config.atoms, xVar));
				rho.codes.push(codesRho(z, n, config.atoms, d, ev.metrics.mse).rho);
			}
			last = ev;
			opts.onEval?.(target);
		}
	} finally {
		trainer.dispose();
	}
	const fin = purities[purities.length - 1];
	const lottery: Record<string, LotteryStats> = {};
	opts.earlyFractions.forEach((f, i) => {
		const e = purities[evalSteps.indexOf(earlySteps[i])];
		lottery[String(f)] = lotteryStats(earlySteps[i], e.purity, e.alive, fin.purity, fin.alive, trainer.baseline);
	});
	const spearmanToFinal = purities.map(
		(p, i) => lotteryStats(evalSteps[i], p.purity, p.alive, fin.purity, fin.alive, trainer.baseline).spearman
	);
	const m = last!.metrics as SaeMetrics;
	const keys: (keyof BetaSeries)[] = ['residual', 'encoderReadout', 'codes'];
	return {
		seed,
		steps,
		evalSteps,
		purityPct: purities.map((p) => toPct(p.purity, p.alive)),
		baseline: trainer.baseline,
		final: { mse: m.mse, l0: m.l0, dead: m.dead, mmcs: m.mmcs, meanPurity: m.meanPurity },
		lottery,
		spearmanToFinal,
		settleStep: settleStepOf(evalSteps, spearmanToFinal),
		rho,
		crossing: rho ? (Object.fromEntries(keys.map((k) => [k, firstCrossing(evalSteps, rho[k], 1)])) as LotteryRunResult['crossing']) : null,
		rhoStart: rho ? (Object.fromEntries(keys.map((k) => [k, rho[k][0]])) as LotteryRunResult['rhoStart']) : null,
		msPerStep: trainMs / steps
	};
}

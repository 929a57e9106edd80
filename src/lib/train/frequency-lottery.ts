/**
 * The frequency lottery inside grokking (docs/theory.md §10, after He et al. 2026): is a neuron's final dominant
 * frequency the one it already led with early in training? Pure statistics over per-neuron winners; no tfjs, no DOM.
 */
import { spearman } from './lottery';

/** Share of the run taken as "early" (as for the SAE lottery). */
export const EARLY_FRACTION = 0.05;

/** A neuron counts (is "alive") when its input-weight power is at least this share of the strongest neuron's. */
const ALIVE_POWER_SHARE = 0.01;

export interface FrequencyLotteryStats {
	earlyStep: number;
	/** Neurons alive now (input-weight power ≥ ALIVE_POWER_SHARE of the strongest). */
	nAlive: number;
	/** Share of alive neurons whose dominant frequency now is the one they had at earlyStep. */
	keep: number;
	/** Chance of keeping one of ⌊p/2⌋ frequencies: 1/⌊p/2⌋. */
	chance: number;
	/** Expected keep-share if the early winners were shuffled across neurons (same frequency histograms). */
	shuffled: number;
	/** Spearman rank correlation between a neuron's early and current power at its dominant frequency. */
	spearman: number;
	/** Distinct dominant frequencies among alive neurons now. */
	distinct: number;
}

export function aliveMask(totalPower: ArrayLike<number>, share = ALIVE_POWER_SHARE): Uint8Array {
	let max = 0;
	for (let j = 0; j < totalPower.length; j++) max = Math.max(max, totalPower[j]);
	return Uint8Array.from({ length: totalPower.length }, (_, j) => (max > 0 && totalPower[j] >= share * max ? 1 : 0));
}

/** Expected keep-share under a random permutation of the early winners: Σ_k n_early(k)·n_now(k) / n². */
export function shuffledKeep(early: ArrayLike<number>, now: ArrayLike<number>, K: number): number {
	const n = early.length;
	if (n === 0) return NaN;
	const ce = new Float64Array(K + 1);
	const cn = new Float64Array(K + 1);
	for (let j = 0; j < n; j++) {
		ce[early[j]]++;
		cn[now[j]]++;
	}
	let s = 0;
	for (let k = 0; k <= K; k++) s += ce[k] * cn[k];
	return s / (n * n);
}

/**
 * Lottery statistics between the early snapshot and now, over the neurons alive now.
 * `earlyWinner`/`nowWinner`: dominant frequency per neuron (1 … K); `earlyPower`/`nowPower`: power at that frequency.
 */
export function frequencyLotteryStats(
	earlyStep: number,
	earlyWinner: ArrayLike<number>,
	earlyPower: ArrayLike<number>,
	nowWinner: ArrayLike<number>,
	nowPower: ArrayLike<number>,
	alive: ArrayLike<number>,
	K: number
): FrequencyLotteryStats {
	const ew: number[] = [];
	const nw: number[] = [];
	const ep: number[] = [];
	const np: number[] = [];
	for (let j = 0; j < earlyWinner.length; j++) {
		if (!alive[j]) continue;
		ew.push(earlyWinner[j]);
		nw.push(nowWinner[j]);
		ep.push(earlyPower[j]);
		np.push(nowPower[j]);
	}
	const n = ew.length;
	let kept = 0;
	for (let i = 0; i < n; i++) if (ew[i] === nw[i]) kept++;
	return {
		earlyStep,
		nAlive: n,
		keep: n > 0 ? kept / n : NaN,
		chance: 1 / K,
		shuffled: shuffledKeep(ew, nw, K),
		spearman: n >= 3 ? spearman(ep, np) : NaN,
		distinct: new Set(nw).size
	};
}

/**
 * Per neuron, the first snapshot step from which its dominant frequency stays its final one (the step its lottery
 * was decided). `winners[s][j]` is neuron j's winner at `steps[s]`.
 */
export function decisionSteps(steps: ArrayLike<number>, winners: ArrayLike<number>[]): Float64Array {
	const S = winners.length;
	const H = S > 0 ? winners[0].length : 0;
	const out = new Float64Array(H);
	for (let j = 0; j < H; j++) {
		const final = winners[S - 1][j];
		let s = S - 1;
		while (s > 0 && winners[s - 1][j] === final) s--;
		out[j] = steps[s];
	}
	return out;
}

/** Share of neurons whose winner at each snapshot is already their final one (one value per snapshot). */
export function keepToFinal(winners: ArrayLike<number>[], alive: ArrayLike<number>): Float64Array {
	const S = winners.length;
	const out = new Float64Array(S);
	if (S === 0) return out;
	const final = winners[S - 1];
	for (let s = 0; s < S; s++) {
		let n = 0;
		let kept = 0;
		for (let j = 0; j < final.length; j++) {
			if (!alive[j]) continue;
			n++;
			if (winners[s][j] === final[j]) kept++;
		}
		out[s] = n > 0 ? kept / n : NaN;
	}
	return out;
}

/**
 * The feature-lottery statistics (docs/theory.md §6): does an atom's purity early in training (5% of the run) predict
 * its final purity? Spearman over atoms alive at both times; final purity of the top decile by early purity as a ratio
 * to the chance baseline and to the mean of all those atoms.
 */
import type { LotteryStats } from './protocol';

/** Average ranks (1-based), ties sharing their mean rank. */
export function ranks(x: ArrayLike<number>): Float64Array {
	const n = x.length;
	const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a] - x[b]);
	const r = new Float64Array(n);
	let i = 0;
	while (i < n) {
		let j = i;
		while (j + 1 < n && x[order[j + 1]] === x[order[i]]) j++;
		const mean = (i + j) / 2 + 1;
		for (let k = i; k <= j; k++) r[order[k]] = mean;
		i = j + 1;
	}
	return r;
}

function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
	const n = a.length;
	let ma = 0;
	let mb = 0;
	for (let i = 0; i < n; i++) {
		ma += a[i];
		mb += b[i];
	}
	ma /= n;
	mb /= n;
	let sab = 0;
	let saa = 0;
	let sbb = 0;
	for (let i = 0; i < n; i++) {
		sab += (a[i] - ma) * (b[i] - mb);
		saa += (a[i] - ma) ** 2;
		sbb += (b[i] - mb) ** 2;
	}
	return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : NaN;
}

/** Spearman rank correlation (Pearson on average ranks). */
export function spearman(a: ArrayLike<number>, b: ArrayLike<number>): number {
	if (a.length !== b.length) throw new Error('spearman: arrays differ in length');
	return pearson(ranks(a), ranks(b));
}

export function lotteryStats(
	earlyStep: number,
	early: ArrayLike<number>,
	earlyAlive: ArrayLike<number>,
	final: ArrayLike<number>,
	finalAlive: ArrayLike<number>,
	baseline: number
): LotteryStats {
	const e: number[] = [];
	const f: number[] = [];
	for (let j = 0; j < early.length; j++) {
		if (earlyAlive[j] && finalAlive[j]) {
			e.push(early[j]);
			f.push(final[j]);
		}
	}
	const nAlive = e.length;
	const order = e.map((_, i) => i).sort((a, b) => e[b] - e[a] || a - b);
	const nTop = Math.max(1, Math.ceil(nAlive / 10));
	let top = 0;
	for (let k = 0; k < Math.min(nTop, nAlive); k++) top += f[order[k]];
	const topDecilePurity = nAlive > 0 ? top / Math.min(nTop, nAlive) : NaN;
	const meanPurity = nAlive > 0 ? f.reduce((s, v) => s + v, 0) / nAlive : NaN;
	return {
		earlyStep,
		nAlive,
		spearman: nAlive >= 3 ? spearman(e, f) : NaN,
		topDecilePurity,
		baseline,
		meanPurity,
		ratioToBaseline: topDecilePurity / baseline,
		ratioToMean: topDecilePurity / meanPurity
	};
}

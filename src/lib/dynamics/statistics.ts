/**
 * Escape-time statistics. Paths that never escaped carry the escape time +Infinity, so they sort last and a
 * quantile that falls among them is +Infinity ("not reached by t_max"), which is the honest answer.
 */

/** Sorted copy (ascending, Infinity last). NaN entries are treated as not escaped (Infinity). */
export function sortedEscapeTimes(times: ArrayLike<number>): Float64Array {
	const out = new Float64Array(times.length);
	for (let i = 0; i < times.length; i++) out[i] = Number.isNaN(times[i]) ? Infinity : times[i];
	return out.sort();
}

/** Quantile q ∈ [0, 1] of ascending data, linear interpolation between order statistics (type 7). NaN if empty. */
export function quantileSorted(sorted: Float64Array, q: number): number {
	const n = sorted.length;
	if (n === 0) return NaN;
	const pos = Math.min(Math.max(q, 0), 1) * (n - 1);
	const lo = Math.floor(pos);
	const hi = Math.min(lo + 1, n - 1);
	const a = sorted[lo];
	const b = sorted[hi];
	if (a === b || pos === lo) return a;
	if (!Number.isFinite(b)) return Infinity;
	return a + (pos - lo) * (b - a);
}

export interface EscapeStatistics {
	count: number;
	/** Share of paths with a finite escape time. */
	escapedFraction: number;
	median: number;
	q25: number;
	q75: number;
	/** Smallest and largest finite escape times (NaN if none escaped). */
	min: number;
	max: number;
}

export function escapeStatistics(times: ArrayLike<number>): EscapeStatistics {
	const sorted = sortedEscapeTimes(times);
	let escaped = 0;
	while (escaped < sorted.length && Number.isFinite(sorted[escaped])) escaped++;
	return {
		count: sorted.length,
		escapedFraction: sorted.length > 0 ? escaped / sorted.length : 0,
		median: quantileSorted(sorted, 0.5),
		q25: quantileSorted(sorted, 0.25),
		q75: quantileSorted(sorted, 0.75),
		min: escaped > 0 ? sorted[0] : NaN,
		max: escaped > 0 ? sorted[escaped - 1] : NaN
	};
}

export interface HistogramOptions {
	bins: number;
	scale: 'linear' | 'log';
	/** Range of the bins; defaults to the smallest / largest finite escape time. */
	min?: number;
	max?: number;
}

export interface Histogram {
	/** bins + 1 edges, ascending (geometric spacing for 'log'). */
	edges: Float64Array;
	counts: Uint32Array;
	/** Finite values below min / above max (or ≤ 0 on a log scale). */
	below: number;
	above: number;
	/** Paths that never escaped (Infinity or NaN). */
	notEscaped: number;
}

/** Histogram of the finite escape times. Bins are [edge_k, edge_{k+1}), the last one closed. */
export function escapeHistogram(times: ArrayLike<number>, options: HistogramOptions): Histogram {
	const { bins, scale } = options;
	if (!(bins >= 1) || !Number.isInteger(bins)) throw new Error('bins must be a positive integer');
	let lo = Infinity;
	let hi = -Infinity;
	let notEscaped = 0;
	for (let i = 0; i < times.length; i++) {
		const v = times[i];
		if (!Number.isFinite(v)) {
			notEscaped++;
			continue;
		}
		if (scale === 'log' && v <= 0) continue;
		if (v < lo) lo = v;
		if (v > hi) hi = v;
	}
	const min = options.min ?? lo;
	let max = options.max ?? hi;
	const edges = new Float64Array(bins + 1);
	const counts = new Uint32Array(bins);
	if (!Number.isFinite(min) || !Number.isFinite(max)) {
		return { edges, counts, below: 0, above: 0, notEscaped };
	}
	if (scale === 'log' && !(min > 0)) throw new Error('a log histogram needs min > 0');
	if (max <= min) max = scale === 'log' ? min * 1.0001 : min + 1e-12 * Math.max(1, Math.abs(min));
	const toAxis = scale === 'log' ? Math.log : (x: number) => x;
	const fromAxis = scale === 'log' ? Math.exp : (x: number) => x;
	const a0 = toAxis(min);
	const width = (toAxis(max) - a0) / bins;
	for (let k = 0; k <= bins; k++) edges[k] = fromAxis(a0 + k * width);
	edges[0] = min;
	edges[bins] = max;
	let below = 0;
	let above = 0;
	for (let i = 0; i < times.length; i++) {
		const v = times[i];
		if (!Number.isFinite(v)) continue;
		if (v < min || (scale === 'log' && v <= 0)) {
			below++;
			continue;
		}
		if (v > max) {
			above++;
			continue;
		}
		const k = Math.min(bins - 1, Math.floor((toAxis(v) - a0) / width));
		counts[k]++;
	}
	return { edges, counts, below, above, notEscaped };
}

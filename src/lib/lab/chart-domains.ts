/** Axis domains from live data: they grow with the run and never collapse to a point. */

const MIN_LOG_RATIO = 2.5;

/** [min, max] of the finite values and the `include` values, padded by `pad` of the span (a flat series gets ±pad·|v|). */
export function linearDomain(values: readonly number[], include: readonly number[] = [], pad = 0.05): [number, number] {
	let lo = Infinity;
	let hi = -Infinity;
	for (const v of [...values, ...include]) {
		if (!Number.isFinite(v)) continue;
		lo = Math.min(lo, v);
		hi = Math.max(hi, v);
	}
	if (lo > hi) return [0, 1];
	const span = hi - lo || Math.abs(hi) || 1;
	return [lo - pad * span, hi + pad * span];
}

/**
 * [min, max] over finite positive values and `include`, widened by `factor` each side (log axes), and at least a
 * ratio of 2.5 wide: such a range always holds a labelled 1, 2 or 5 × 10^k tick.
 */
export function logDomain(values: readonly number[], include: readonly number[] = [], factor = 1.25): [number, number] {
	let lo = Infinity;
	let hi = -Infinity;
	for (const v of [...values, ...include]) {
		if (!(Number.isFinite(v) && v > 0)) continue;
		lo = Math.min(lo, v);
		hi = Math.max(hi, v);
	}
	if (lo > hi) return [0.1, 10];
	const widen = Math.max(factor, Math.sqrt(MIN_LOG_RATIO / (hi / lo)));
	return [lo / widen, hi * widen];
}

/** The step axis: from the first buffered step to the last, at least `minSpan` wide so a fresh run is not a point. */
export function stepDomain(steps: readonly number[], minSpan: number): [number, number] {
	if (steps.length === 0) return [0, minSpan];
	const lo = steps[0];
	return [lo, Math.max(steps[steps.length - 1], lo + minSpan)];
}

/** Values unusable on a log axis (≤ 0, non-finite) become NaN, so lines break there instead of going to −∞. */
export function positiveOrNaN(values: readonly number[]): number[] {
	return values.map((v) => (Number.isFinite(v) && v > 0 ? v : Number.NaN));
}

/** Half-width of a square view centred on 0 holding every finite coordinate (5% margin); 1 when there is none. */
export function symmetricExtent(...arrays: ArrayLike<number>[]): number {
	let m = 0;
	for (const a of arrays) for (let i = 0; i < a.length; i++) if (Number.isFinite(a[i])) m = Math.max(m, Math.abs(a[i]));
	return m > 0 ? m * 1.05 : 1;
}

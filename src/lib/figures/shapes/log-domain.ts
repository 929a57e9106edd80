/** A log-axis domain covering every finite positive value of the given series, padded a little. Pure. */
export function logDomain(series: (number | null)[][], fallback: [number, number]): [number, number] {
	let lo = Infinity;
	let hi = -Infinity;
	for (const s of series)
		for (const v of s)
			if (typeof v === 'number' && v > 0 && Number.isFinite(v)) {
				lo = Math.min(lo, v);
				hi = Math.max(hi, v);
			}
	if (!(lo < hi)) return fallback;
	return [lo / 1.3, hi * 1.3];
}

/** Tick labels for log axes: label only 1, 2 and 5 × 10^k (d3's log ticks include every integer mantissa). */
import { fmt } from '$lib/format/number';

export function logTickLabel(v: number): string {
	if (!(v > 0)) return '';
	const mantissa = v / 10 ** Math.floor(Math.log10(v) + 1e-9);
	return [1, 2, 5].some((m) => Math.abs(mantissa - m) < 1e-6) ? fmt(v, 2) : '';
}

/** Step numbers: 1500 → "1.5k". */
export function stepLabel(v: number): string {
	return Math.abs(v) >= 1000 ? `${fmt(v / 1000, 3)}k` : fmt(v, 4);
}

/** Compact number formatting for readouts: `digits` significant digits, no trailing zeros, exponent when tiny/huge. */
export function fmt(v: number, digits = 3): string {
	if (!Number.isFinite(v)) return v > 0 ? '∞' : v < 0 ? '−∞' : '—';
	if (v === 0) return '0';
	const a = Math.abs(v);
	if (a < 1e-3 || a >= 1e6) return v.toExponential(Math.max(0, digits - 1)).replace('-', '−');
	return String(Number(v.toPrecision(digits))).replace('-', '−');
}

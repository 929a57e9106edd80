/** Compact, aligned-friendly number text: 4 significant digits, exponent form when tiny or huge. */
export function formatNumber(x: number | null | undefined): string {
	if (x === null || x === undefined || Number.isNaN(x)) return '–';
	if (!Number.isFinite(x)) return x > 0 ? '∞' : '-∞';
	if (x === 0) return '0';
	const a = Math.abs(x);
	if (Number.isInteger(x) && a < 1e7) return String(x);
	return a >= 1e-3 && a < 1e6 ? String(Number(x.toPrecision(4))) : x.toExponential(2);
}

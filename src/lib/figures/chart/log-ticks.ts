/**
 * Tick values 1, 2, 5 × 10^k inside [lo, hi], thinned to at most `max` (log axes get crowded otherwise):
 * first to the powers of ten, then to every n-th power of ten.
 */
export function logTicks(lo: number, hi: number, max = 7): number[] {
	if (!(lo > 0) || !(hi >= lo)) return [];
	const out: number[] = [];
	for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++)
		for (const m of [1, 2, 5]) {
			const v = m * 10 ** e;
			if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) out.push(Number(v.toPrecision(3)));
		}
	if (out.length <= max) return out;
	const decades = out.filter((v) => Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9);
	if (decades.length <= max) return decades;
	const every = Math.ceil(decades.length / max);
	return decades.filter((_, i) => i % every === 0);
}

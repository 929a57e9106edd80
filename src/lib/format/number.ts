/**
 * The one number formatter. Three styles share it:
 * - `fmt`: figure readouts and article prose — significant digits, no trailing zeros, typeset minus (−), exponent
 *   form when tiny or huge;
 * - `cliNumber`: terminal output of the CLIs — the same, but integers stay exact and the minus is ASCII;
 * - `fixedNumber`: table columns — integers exact, everything else with a fixed number of decimals.
 * Pure: no Svelte, no DOM.
 */

export interface NumberStyle {
	/** Significant digits, or decimals when `fixed`. */
	digits: number;
	/** toFixed(digits) instead of significant digits (and never exponent form). */
	fixed?: boolean;
	/** Integers with |x| below this are printed exactly (steps, counts); 0 (the default) turns it off. */
	exactIntegersBelow?: number;
	/** Decimals of the exponent form used below 1e-3 and from 1e6 on. */
	exponentDecimals: number;
	/** '−' (U+2212) for typeset text, '-' for terminals. */
	minus: '−' | '-';
	/** Text for NaN, null and undefined. */
	missing: string;
}

function formatNumber(x: number | null | undefined, s: NumberStyle): string {
	if (x === null || x === undefined || Number.isNaN(x)) return s.missing;
	if (!Number.isFinite(x)) return x > 0 ? '∞' : `${s.minus}∞`;
	if (x === 0) return '0';
	const a = Math.abs(x);
	let text: string;
	if (Number.isInteger(x) && a < (s.exactIntegersBelow ?? 0)) text = String(x);
	else if (s.fixed) text = x.toFixed(s.digits);
	else if (a < 1e-3 || a >= 1e6) text = x.toExponential(s.exponentDecimals);
	else text = String(Number(x.toPrecision(s.digits)));
	return s.minus === '-' ? text : text.replaceAll('-', s.minus);
}

/** Readouts and prose: `digits` significant digits, no trailing zeros, exponent when tiny/huge, typeset minus. */
export function fmt(v: number, digits = 3): string {
	return formatNumber(v, { digits, exponentDecimals: Math.max(0, digits - 1), minus: '−', missing: '—' });
}

/** Terminal text: `digits` significant digits (integers below 10⁷ exact), exponent form when tiny or huge, ASCII minus. */
export function cliNumber(x: number | null | undefined, digits = 4): string {
	return formatNumber(x, { digits, exactIntegersBelow: 1e7, exponentDecimals: 2, minus: '-', missing: '–' });
}

/** Table columns: integers exact, other values with `digits` decimals. */
export function fixedNumber(x: number, digits: number): string {
	return formatNumber(x, { digits, fixed: true, exactIntegersBelow: Infinity, exponentDecimals: 2, minus: '-', missing: '–' });
}

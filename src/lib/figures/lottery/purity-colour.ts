/** Sequential colour for purity in [0, 1]: pale grey → Okabe–Ito blue (#0072B2); dead atoms light hatch grey. */
const LO = [242, 242, 242];
const HI = [0, 114, 178];
const DEAD_COLOUR = '#d9d0c1';
export const TOP_COLOUR = '#E69F00';

export function purityColour(p: number): string {
	if (!Number.isFinite(p)) return DEAD_COLOUR;
	const t = Math.min(1, Math.max(0, p));
	const c = LO.map((lo, k) => Math.round(lo + (HI[k] - lo) * t));
	return `rgb(${c[0]},${c[1]},${c[2]})`;
}

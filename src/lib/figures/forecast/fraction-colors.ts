/** One Okabe–Ito colour per train fraction of the forecast sweep (in ascending order). */
const COLORS = ['var(--c-blue)', 'var(--c-orange)', 'var(--c-green)', 'var(--c-purple)', 'var(--c-vermillion)'];
export const fractionColor = (fractions: readonly number[], f: number) => COLORS[Math.max(0, fractions.indexOf(f)) % COLORS.length];

/** One colour per weight decay of the measured sweep (Okabe–Ito). */
const COLORS = ['var(--c-vermillion)', 'var(--c-orange)', 'var(--c-blue)', 'var(--c-green)', 'var(--c-purple)', 'var(--c-sky)'];
export const wdColor = (i: number) => COLORS[i % COLORS.length];

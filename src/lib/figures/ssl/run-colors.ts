/** One Okabe–Ito colour per run of the shown group (seed or τ). */
const COLORS = ['var(--c-blue)', 'var(--c-vermillion)', 'var(--c-green)', 'var(--c-purple)'];
export const runColor = (i: number) => COLORS[i % COLORS.length];

/**
 * η(weight decay) read off measured runs by inverting the plateau escape time (docs/theory.md §5). A FIT, not a
 * measurement: it assumes the run behaves like the normal form on a plateau with noise σ and threshold a_th = 0.3√η,
 * and that one time unit of the normal form is one training step; the delay after the crossing is t_sb − t_on.
 * It answers "which post-crossing growth rate η would give this delay", so a slow drive (small η) means a long delay.
 */
import { plateauEscapeTime } from './predictions';

/** Plateau escape time with a_th = 0.3√η: the formula the delay figure draws (predictEscapeTime, linearised). */
export function plateauEscapeAtEta(eta: number, sigma: number): number | null {
	return plateauEscapeTime(eta, sigma, 0.3 * Math.sqrt(eta));
}

/**
 * The η > 0 at which plateauEscapeAtEta(η, σ) equals `delay`, by bisection on log η over [20σ, 10], where the escape
 * time falls monotonically with η (below a few σ the threshold a_th = 0.3√η sinks into the noise and the formula
 * turns over). Null if the delay is not positive or outside what that bracket can produce.
 */
export function fitPlateauEta(delay: number, sigma: number): number | null {
	if (!(delay > 0) || !(sigma > 0)) return null;
	let lo = Math.log(20 * sigma);
	let hi = Math.log(10);
	const t = (logEta: number) => plateauEscapeAtEta(Math.exp(logEta), sigma) ?? NaN;
	if (!(t(lo) >= delay && t(hi) <= delay)) return null;
	for (let i = 0; i < 100; i++) {
		const mid = (lo + hi) / 2;
		if (t(mid) > delay) lo = mid;
		else hi = mid;
	}
	return Math.exp((lo + hi) / 2);
}

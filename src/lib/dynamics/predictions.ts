/**
 * Analytic escape-time predictions for da = (μ(t) − γ) a dt − a³ dt + σ dW (docs/theory.md §5). All three linearise the
 * drift (drop −a³), so they hold while a_th² ≪ |μ − γ| at escape; "escape" means |a| first reaches a_th, and "median"
 * uses the median of |N(0, s²)|, which is m·s with m = Φ⁻¹(3/4) = 0.67449, m² = 0.4549.
 */

/** Squared median of |Z|, Z ~ N(0, 1): Φ⁻¹(0.75)² (docs/theory.md §5 rounds it to 0.4549). */
export const HALF_NORMAL_MEDIAN_SQUARED = 0.6744897501960817 ** 2;

/** −½ ln(0.4549) (docs/theory.md §5 rounds it to 0.3938). */
const RAMP_CONSTANT = -0.5 * Math.log(HALF_NORMAL_MEDIAN_SQUARED);

/**
 * Noisy slow ramp, median escape time measured from the instability crossing (μ − γ = 0):
 *   t* = √((2/ε)[ln(a_th/σ) − ¼ ln(π/ε) + 0.3938])
 * Berglund & Gentz, PTRF 122 (2002); Kuske, SIAM J. Appl. Math. 60 (1999). Derivation: started long before the
 * crossing, a is Gaussian with variance σ² e^{εt²} ∫_{−∞}^{t} e^{−εs²} ds → σ² e^{εt²} √(π/ε); set its median |a|
 * equal to a_th. Assumes the path started ≳ 3/√ε before the crossing with a ≈ 0.
 * Returns null when σ ≤ 0 or the bracket is ≤ 0 (noise so strong that no delay is predicted).
 */
export function rampNoisyEscapeTime(epsilon: number, sigma: number, aTh: number): number | null {
	if (!(epsilon > 0) || !(sigma > 0) || !(aTh > 0)) return null;
	const bracket = Math.log(aTh / sigma) - 0.25 * Math.log(Math.PI / epsilon) + RAMP_CONSTANT;
	return bracket > 0 ? Math.sqrt((2 / epsilon) * bracket) : null;
}

/**
 * Noiseless slow ramp from a0 > 0 at time t0 (relative to the instability crossing, usually t0 < 0):
 *   t* = √(t0² + (2/ε) ln(a_th/a0))
 * Exact for the linearised equation, a(t) = a0 exp(ε(t² − t0²)/2): the delay mirrors the time spent stable
 * (Neishtadt 1987, "delayed loss of stability"). Null unless 0 < a0 < a_th.
 */
export function rampDeterministicEscapeTime(
	epsilon: number,
	t0: number,
	a0: number,
	aTh: number
): number | null {
	if (!(epsilon > 0) || !(a0 > 0) || !(aTh > a0)) return null;
	return Math.sqrt(t0 * t0 + (2 / epsilon) * Math.log(aTh / a0));
}

/**
 * Plateau μ − γ = η constant from a = 0 at t = 0, median escape time:
 *   t_esc = (1/2η) ln(1 + 2η a_th² / (0.4549 σ²))
 * (Ornstein–Uhlenbeck growth: Var a(t) = σ²(e^{2ηt} − 1)/(2η); set its median |a| equal to a_th.)
 * Diverges as γ → μ0. Null when η ≤ 0 (the symmetric state is stable: escape is then a rare large deviation,
 * not a delay) or σ ≤ 0.
 */
export function plateauEscapeTime(eta: number, sigma: number, aTh: number): number | null {
	if (!(eta > 0) || !(sigma > 0) || !(aTh > 0)) return null;
	return Math.log1p((2 * eta * aTh * aTh) / (HALF_NORMAL_MEDIAN_SQUARED * sigma * sigma)) / (2 * eta);
}

/**
 * Plateau prediction with the saturation of the cubic term added (our addition to docs/theory.md §5, checked against simulation):
 *   t_esc + (1/2η) ln(1 / (1 − a_th²/η)).
 * Once |a| is well above the noise, ȧ = ηa − a³ is solved exactly by a² = η/(1 + C e^{−2ηt}); compared with pure
 * exponential growth it arrives at a_th later by exactly that term. With a_th = 0.3√η it adds 0.047/η (4.3, 15.7
 * and 47 time units for η = 0.011, 0.003, 0.001) and matches the simulated medians to ~0.1%. Null when η ≤ 0,
 * σ ≤ 0 or a_th² ≥ η (the threshold lies beyond the branch √η: never reached).
 */
export function plateauEscapeTimeSaturated(eta: number, sigma: number, aTh: number): number | null {
	const linear = plateauEscapeTime(eta, sigma, aTh);
	if (linear === null || aTh * aTh >= eta) return null;
	return linear - Math.log1p((-aTh * aTh) / eta) / (2 * eta);
}

/**
 * Noiseless plateau from a0 > 0: linearised growth a0 e^{ηt} reaches a_th at t = ln(a_th/a0)/η. Null unless η > 0
 * and 0 < a0 < a_th.
 */
export function plateauDeterministicEscapeTime(eta: number, a0: number, aTh: number): number | null {
	if (!(eta > 0) || !(a0 > 0) || !(aTh > a0)) return null;
	return Math.log(aTh / a0) / eta;
}

/**
 * Maps the delay figure's URL state to normal-form simulation parameters (pure).
 * Ramp: μ = εt starting at t0 = −0.2/ε (μ = −0.2: well inside the stable phase), a_th = 0.1 as in docs/theory.md §5;
 * the dissipation γ moves the instability from the crossing (μ = 0) to t = γ/ε.
 * Plateau: the visitor sets the post-crossing growth rate η and the dissipation γ; the drive the probe sees is
 * μ0 = η + γ, and a_th = 0.3√η (the spec's reference case is η = 0.011, γ = 0).
 * The simulated horizon is capped (MAX_SIM_STEPS Euler steps per path) so that no setting runs for minutes; a median
 * beyond it is reported as "no escape within T".
 */
import { FIGURE_SCHEMAS } from '$lib/state/figures';
import { predictEscapeTime, type NormalFormParams } from '$lib/dynamics';

export const GAMMA_MAX = { ramp: FIGURE_SCHEMAS.delay.gamma.max, plateau: 0.05 } as const;
export const ETA_RANGE = { min: FIGURE_SCHEMAS.delay.eta.min, max: FIGURE_SCHEMAS.delay.eta.max } as const;
export const DELAY_PATHS = 1000;
const DELAY_SAMPLE_PATHS = 14;
/** 1000 paths × 60,000 steps ≈ 3 s of simulation on this machine's CPU. */
export const MAX_SIM_STEPS = 60_000;

export interface DelayState {
	schedule: string;
	gamma: number;
	eta: number;
	sigma: number;
	epsilon: number;
	seed: number;
}

export interface DelayParams extends NormalFormParams {
	/** The horizon the run would have wanted (3× the predicted median), before the cap. */
	wantedTMax: number;
	/** True when tMax was cut to MAX_SIM_STEPS steps. */
	capped: boolean;
	/** Plateau: the growth rate η after the crossing; ramp: null. */
	eta: number | null;
}

export function delayParams(s: DelayState): DelayParams {
	const plateau = s.schedule === 'plateau';
	const gamma = Math.min(Math.max(0, s.gamma), GAMMA_MAX[plateau ? 'plateau' : 'ramp']);
	const eta = Math.min(Math.max(s.eta, ETA_RANGE.min), ETA_RANGE.max);
	const base = plateau
		? { schedule: { kind: 'plateau' as const, mu0: eta + gamma }, aTh: 0.3 * Math.sqrt(eta), dt: 0.1 }
		: { schedule: { kind: 'ramp' as const, epsilon: s.epsilon, t0: -0.2 / s.epsilon }, aTh: 0.1, dt: 0.02 };
	const params: DelayParams = {
		...base,
		gamma,
		sigma: s.sigma,
		tMax: 0,
		paths: DELAY_PATHS,
		seed: s.seed,
		samplePaths: DELAY_SAMPLE_PATHS,
		wantedTMax: 0,
		capped: false,
		eta: plateau ? eta : null
	};
	// Run long enough for the slow tail: three times the predicted median (or a generous default), within the cap.
	const predicted = predictEscapeTime(params);
	const start = plateau ? 0 : -0.2 / s.epsilon;
	params.wantedTMax = predicted !== null && Number.isFinite(predicted) ? start + 3 * (predicted - start) : start + 4 / s.epsilon;
	const cap = start + MAX_SIM_STEPS * base.dt;
	params.capped = params.wantedTMax > cap;
	params.tMax = Math.min(params.wantedTMax, cap);
	return params;
}

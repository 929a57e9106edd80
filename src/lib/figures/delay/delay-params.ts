/**
 * Maps the delay figure's URL state to normal-form simulation parameters (pure).
 * Ramp: μ = εt starting at t0 = −0.2/ε (μ = −0.2: well inside the stable phase), a_th = 0.1 as in science.md §5.
 * Plateau: μ0 = 0.011 and a_th = 0.3√η, the spec's reference case; γ is limited to below μ0.
 */
import { predictEscapeTime, type NormalFormParams } from '$lib/dynamics';

export const PLATEAU_MU0 = 0.011;
export const GAMMA_MAX = { ramp: 1, plateau: 0.0108 } as const;
export const DELAY_PATHS = 1000;
export const DELAY_SAMPLE_PATHS = 14;

export interface DelayState {
	schedule: string;
	gamma: number;
	sigma: number;
	epsilon: number;
	seed: number;
}

export function delayParams(s: DelayState): NormalFormParams {
	const plateau = s.schedule === 'plateau';
	const gamma = Math.min(s.gamma, GAMMA_MAX[plateau ? 'plateau' : 'ramp']);
	const base = plateau
		? {
				schedule: { kind: 'plateau' as const, mu0: PLATEAU_MU0 },
				aTh: 0.3 * Math.sqrt(PLATEAU_MU0 - gamma),
				dt: 0.1
			}
		: { schedule: { kind: 'ramp' as const, epsilon: s.epsilon, t0: -0.2 / s.epsilon }, aTh: 0.1, dt: 0.02 };
	const params: NormalFormParams = {
		...base,
		gamma,
		sigma: s.sigma,
		tMax: 0,
		paths: DELAY_PATHS,
		seed: s.seed,
		samplePaths: DELAY_SAMPLE_PATHS
	};
	// Run long enough for the slow tail: three times the predicted median (or a generous default).
	const predicted = predictEscapeTime(params);
	const start = plateau ? 0 : -0.2 / s.epsilon;
	params.tMax = predicted !== null && Number.isFinite(predicted) ? start + 3 * (predicted - start) : start + 4 / s.epsilon;
	return params;
}

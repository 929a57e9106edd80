/**
 * The reference settings of docs/theory.md §5 and their published medians, 2000 paths each: the simulation's test
 * (simulate.spec.ts) and its benchmark (`npm run bench:dynamics`) run these same ones.
 */
import type { NormalFormParams } from './types';

export const REFERENCE_PATHS = 2000;

/**
 * Noisy ramp μ(t) = εt, a_th = 0.1, dt = 0.02. Starting 5/√ε before the crossing lets the noise settle to its
 * quasi-stationary level, as the Berglund–Gentz formula assumes (starting at the crossing instead gives medians
 * ~3% later).
 */
export function rampReference(epsilon: number, sigma: number, seed = 1): NormalFormParams {
	return {
		schedule: { kind: 'ramp', epsilon, t0: -5 / Math.sqrt(epsilon) },
		gamma: 0,
		sigma,
		aTh: 0.1,
		dt: 0.02,
		tMax: 400,
		paths: REFERENCE_PATHS,
		seed
	};
}

/** Plateau μ0 = 0.011 with intervention γ, σ = 1e-5, a_th = 0.3√η (η = μ0 − γ), at time step dt. */
export function plateauReference(gamma: number, dt: number, seed = 1): NormalFormParams {
	const eta = 0.011 - gamma;
	return {
		schedule: { kind: 'plateau', mu0: 0.011 },
		gamma,
		sigma: 1e-5,
		aTh: 0.3 * Math.sqrt(eta),
		dt,
		tMax: 50_000,
		paths: REFERENCE_PATHS,
		seed
	};
}

/** The §5 reference medians of the noisy ramp. */
export const RAMP_REFERENCES: readonly { epsilon: number; sigma: number; median: number }[] = [
	{ epsilon: 1e-2, sigma: 1e-2, median: 16.1 },
	{ epsilon: 1e-2, sigma: 1e-4, median: 34.3 },
	{ epsilon: 1e-2, sigma: 1e-6, median: 45.8 },
	{ epsilon: 1e-2, sigma: 1e-8, median: 55.0 },
	{ epsilon: 1e-3, sigma: 1e-4, median: 103.7 },
	{ epsilon: 1e-3, sigma: 1e-6, median: 141.0 }
];

/** The §5 reference medians of the plateau. */
export const PLATEAU_REFERENCES: readonly { gamma: number; median: number }[] = [
	{ gamma: 0, median: 594 },
	{ gamma: 0.008, median: 1771 },
	{ gamma: 0.01, median: 4131 }
];

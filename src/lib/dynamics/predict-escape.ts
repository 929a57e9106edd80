/**
 * Picks the analytic prediction of docs/theory.md §5 that matches a simulation's parameters and returns it on the
 * simulation's clock (so it is directly comparable with the simulated median escape time).
 */
import {
	plateauDeterministicEscapeTime,
	plateauEscapeTime,
	rampDeterministicEscapeTime,
	rampNoisyEscapeTime
} from './predictions';
import type { NormalFormParams } from './types';

/**
 * Ramp: the instability is at t_c = γ/ε, so the prediction is t_c + t* with t* from the noisy formula (σ > 0) or the
 * noiseless one from a0 at t0 − t_c (a0 > 0). Plateau: η = μ0 − γ. When both noise and a0 > 0 are present, the
 * earlier of the two (each alone would reach a_th; the linearised sum reaches it about when the larger term does).
 * Drawn schedules have no closed form: null. Null as well when no formula applies (η ≤ 0, σ = a0 = 0, ...).
 */
export function predictEscapeTime(params: NormalFormParams): number | null {
	const { schedule, gamma, sigma, aTh } = params;
	const a0 = Math.abs(params.a0 ?? 0);
	let noisy: number | null = null;
	let deterministic: number | null = null;
	switch (schedule.kind) {
		case 'ramp': {
			const tc = gamma / schedule.epsilon;
			const tn = rampNoisyEscapeTime(schedule.epsilon, sigma, aTh);
			const td = rampDeterministicEscapeTime(schedule.epsilon, schedule.t0 - tc, a0, aTh);
			noisy = tn === null ? null : tc + tn;
			deterministic = td === null ? null : tc + td;
			break;
		}
		case 'plateau': {
			const eta = schedule.mu0 - gamma;
			noisy = plateauEscapeTime(eta, sigma, aTh);
			deterministic = plateauDeterministicEscapeTime(eta, a0, aTh);
			break;
		}
		case 'drawn':
			return null;
	}
	if (noisy === null) return deterministic;
	if (deterministic === null) return noisy;
	return Math.min(noisy, deterministic);
}

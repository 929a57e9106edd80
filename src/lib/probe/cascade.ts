import { centreRows } from './centre-rows';
import { clusterLambdaMax } from './cluster-lambda-max';
import { covarianceOfCentred } from './covariance-of-centred';
import { freeEnergy } from './free-energy';
import { jitterPrototypes } from './jitter-prototypes';
import { kEffOf } from './k-eff-of';
import { ProbeInputError } from './probe-error';
import { createRng } from '../random';
import { runEM } from './run-em';
import { spreadOf } from './spread-of';
import { symmetricEigen } from './symmetric-eigen';
import type { Matrix } from './types';

export interface CascadeOptions {
	seed?: number;
	/** Jitter added at every β, relative to √(tr Σ/d) (default 1e-6). */
	jitter?: number;
	/** Convergence tolerance on prototype moves, relative to √λ1 (default 1e-9). */
	tol?: number;
	maxIter?: number;
	/** Also report λmax(C_k) per prototype at each β (costs K·N·d² per β). */
	clusterSpectra?: boolean;
}

export interface CascadeStep {
	beta: number;
	rho: number;
	/** K×d, data coordinates. */
	prototypes: Float64Array;
	kEff: number;
	/** m/√λ1. */
	spread: number;
	freeEnergy: number;
	iterations: number;
	converged: boolean;
	/** λmax(C_k) per prototype (with clusterSpectra): cluster k is predicted to split at β = 1/λmax(C_k). */
	clusterLambdaMax?: number[];
}

export interface CascadeResult {
	lambda1: number;
	trace: number;
	betaC: number;
	steps: CascadeStep[];
}

/**
 * Deterministic annealing (docs/theory.md §2): K prototypes followed through the β sweep in the given order, each β
 * warm-started from the previous equilibrium plus a small jitter, EM run to convergence.
 */
export function cascade(
	Z: Matrix,
	n: number,
	d: number,
	K: number,
	betas: number[],
	options: CascadeOptions = {}
): CascadeResult {
	if (!Number.isInteger(n) || n < 2) throw new ProbeInputError(`need at least 2 points, got N = ${n}`);
	if (!Number.isInteger(d) || d < 1) throw new ProbeInputError(`d must be a positive integer, got ${d}`);
	const { mean, centred } = centreRows(Z, n, d);
	const cov = covarianceOfCentred(centred, n, d);
	let trace = 0;
	for (let i = 0; i < d; i++) trace += cov[i * d + i];
	const lambda1 = Math.max(symmetricEigen(cov, d, 0).values[0], 0);
	const scale = lambda1 > 0 ? Math.sqrt(lambda1) : 1;
	const amplitude = (options.jitter ?? 1e-6) * Math.sqrt(trace / d);
	const tol = Math.min((options.tol ?? 1e-9) * scale, amplitude > 0 ? 1e-3 * amplitude : Infinity);
	const rng = createRng(options.seed ?? 1);
	let current: Float64Array = new Float64Array(K * d);
	const steps: CascadeStep[] = [];
	for (const beta of betas) {
		if (!(beta >= 0) || !Number.isFinite(beta)) throw new ProbeInputError(`cascade β must be ≥ 0, got ${beta}`);
		jitterPrototypes(current, amplitude, rng);
		const em = runEM(centred, n, d, current, K, beta, { converge: true, tol, scale: 1, maxIter: options.maxIter });
		current = em.prototypes;
		const prototypes = new Float64Array(K * d);
		for (let i = 0; i < K * d; i++) prototypes[i] = current[i] + mean[i % d];
		steps.push({
			beta,
			rho: beta * lambda1,
			prototypes,
			kEff: kEffOf(current, K, d, trace),
			spread: spreadOf(current, K, d, lambda1).spread,
			freeEnergy: freeEnergy({ Z: centred, n, d }, { prototypes: current, K, beta }),
			iterations: em.iterations,
			converged: em.converged,
			clusterLambdaMax: options.clusterSpectra ? clusterLambdaMax({ Z: centred, n, d }, { prototypes: current, K, beta }) : undefined
		});
	}
	return { lambda1, trace, betaC: lambda1 > 0 ? 1 / lambda1 : Infinity, steps };
}

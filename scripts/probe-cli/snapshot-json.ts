import type { SnapshotResult } from '../../src/lib/probe/index';

/** The per-snapshot record the CLI prints (large arrays such as v1 and the prototypes are left out). */
export function snapshotJson(r: SnapshotResult, index: number, step: number) {
	return {
		index,
		step,
		betaMode: r.betaMode,
		lambda1: r.lambda1,
		lambdas: r.lambdas,
		trace: r.trace,
		betaC: r.betaC,
		beta: r.beta,
		rho: r.rho,
		hessianMin: r.hessianMin,
		hessian: r.hessian.map((h) => ({ value: h.value, multiplicity: h.multiplicity })),
		unstableDirections: r.unstableDirections,
		spread: r.spread,
		projV1: r.projV1,
		kEff: r.kEff,
		anisotropy: r.anisotropy,
		effectiveRank: r.effectiveRank,
		freeEnergy: r.freeEnergy,
		emIterations: r.emIterations,
		converged: r.converged,
		collapseWarning: r.collapseWarning
	};
}

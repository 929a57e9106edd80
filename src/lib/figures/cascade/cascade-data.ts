/**
 * The cascade figure's data: one annealing sweep (probe's `cascade`) over a log grid of β, the K_eff staircase, and the predicted thresholds: 1/λ1 for the first split, then the β where the
 * clusters' own criterion β·λmax(C_k(β)) = 1 is met (docs/theory.md §2). C_k must be evaluated at that β: just after
 * the first split the responsibilities are still soft and C_k is close to the whole Σ.
 */
import { cascade, createRng, jitterPrototypes, kEffOf, runEM, type CascadeStep, type Points } from '$lib/probe';

export interface CascadeData {
	steps: CascadeStep[];
	betaC: number;
	/** β = 1/max_k λmax(C_k(β)) solved on the two-cluster branch, if there is one. */
	secondThreshold: number | null;
	/** First β of the grid where K_eff ≥ 2 / ≥ 3, if reached. */
	firstSplit: number | null;
	secondSplit: number | null;
}

export function cascadeData({ Z, n, d }: Points, { K, betaC, seed }: { K: number; betaC: number; seed: number }): CascadeData {
	const betas = Array.from({ length: 70 }, (_, i) => betaC * 0.4 * Math.pow(60 / 0.4, i / 69));
	const { steps } = cascade(Z, n, d, K, betas, { seed, clusterSpectra: true });
	const split1 = steps.find((s) => s.kEff >= 2);
	const split2 = steps.find((s) => s.kEff >= 3);
	const secondThreshold = split1 ? clusterCriterionCrossing(steps.slice(steps.indexOf(split1))) : null;
	return { steps, betaC, secondThreshold, firstSplit: split1?.beta ?? null, secondSplit: split2?.beta ?? null };
}

/** The annealed state at any β: continue from the sweep's last state below β (jitter + EM to convergence). */
export interface CascadeAt {
	K: number;
	beta: number;
	/** tr Σ of the cloud (sets the jitter and the K_eff merge distance). */
	trace: number;
	seed: number;
}

export function cascadeAt(data: CascadeData, { Z, n, d }: Points, { K, beta, trace, seed }: CascadeAt) {
	const below = data.steps.filter((s) => s.beta <= beta).at(-1);
	const init = below ? Float64Array.from(below.prototypes) : new Float64Array(K * d);
	if (!below) for (let i = 0; i < K * d; i++) init[i] = data.steps[0].prototypes[i];
	jitterPrototypes(init, 1e-6 * Math.sqrt(trace / d), createRng(seed));
	const em = runEM(Z, n, d, init, K, beta, { converge: true, maxIter: 5000, scale: Math.sqrt(trace) });
	return { beta, prototypes: em.prototypes, kEff: kEffOf(em.prototypes, K, d, trace) };
}

/**
 * Solve β = 1/max_k λmax(C_k(β)) on the two-cluster branch (K_eff = 2): each state predicts 1/λmax of its widest
 * cluster; the gap to β closes where the branch ends, so the last two-cluster state gives the prediction.
 */
function clusterCriterionCrossing(steps: CascadeStep[]): number | null {
	let best: number | null = null;
	for (const s of steps) {
		if (s.kEff !== 2 || !s.clusterLambdaMax) continue;
		best = 1 / Math.max(...s.clusterLambdaMax);
	}
	return best;
}

import type { HessianEigen } from './types';

/**
 * Closed-form spectrum of the Hessian of F w.r.t. all K prototypes at the symmetric state (docs/theory.md §2):
 * 1/K with multiplicity d (common translation) and h_i = (1 − βλ_i)/K with multiplicity K − 1 for each given λ_i.
 * Sorted ascending (most unstable first). With K = 1 there are no antisymmetric modes.
 */
export function hessianSpectrum(lambdas: ArrayLike<number>, beta: number, K: number, d: number): HessianEigen[] {
	const out: HessianEigen[] = [{ value: 1 / K, multiplicity: d, source: -1 }];
	if (K > 1) {
		for (let i = 0; i < lambdas.length; i++) {
			out.push({ value: (1 - beta * lambdas[i]) / K, multiplicity: K - 1, source: i });
		}
	}
	return out.sort((a, b) => a.value - b.value || a.source - b.source);
}

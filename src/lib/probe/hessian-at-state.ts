import { hessianOperator } from './hessian-operator';
import { lanczos } from './lanczos';
import type { Mixture, Points } from './types';

export interface HessianAtState {
	/** Smallest eigenvalue of ∂²F/∂μ² at the given prototypes (NaN if not computed). */
	min: number;
	/** Its eigenvector, K×d row-major (warm start for the next snapshot). */
	vector: Float64Array;
	iterations: number;
	converged: boolean;
	/** Residual ‖Hu − θu‖ of the returned pair. */
	residual: number;
}

/**
 * The smallest eigenvalue of the free-energy Hessian at the probe's CURRENT prototypes (docs/theory.md §2), by
 * Lanczos on the exact Hessian-vector product — not the closed form h₁ = (1 − ρ)/K, which holds only at the
 * symmetric state. Negative while the prototypes sit at (or near) an unstable symmetric point, positive once they
 * rest on a stable branch. Cost: the responsibilities once, then ≈ 2·N·K·d multiply-adds per iteration; `start` (the previous answer)
 * usually cuts the iterations to a handful.
 */
export function hessianMinAtState(
	points: Points,
	mixture: Mixture,
	options: { start?: Float64Array | null; maxIter?: number; tol?: number; seed?: number } = {}
): HessianAtState {
	const p = mixture.K * points.d;
	const r = lanczos(hessianOperator(points, mixture), p, 1, {
		which: 'smallest',
		start: options.start && options.start.length === p ? options.start : null,
		maxIter: options.maxIter ?? 60,
		tol: options.tol ?? 1e-6,
		seed: options.seed ?? 1
	});
	return {
		min: r.values[0],
		vector: r.vectors.slice(0, p),
		iterations: r.iterations,
		converged: r.converged,
		residual: r.residuals[0]
	};
}

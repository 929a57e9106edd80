import type { Matrix } from '$lib/probe';

/** κ = E[x⁴]/λ² for x = vᵀ(z − z̄), λ = E[x²]: sets the pitchfork amplitude a² ≈ 3λ1(ρ−1)/(κρ³) (docs/theory.md §2). */
export function kurtosisAlong(Z: Matrix, n: number, d: number, mean: ArrayLike<number>, v: ArrayLike<number>): number {
	let m2 = 0;
	let m4 = 0;
	for (let r = 0; r < n; r++) {
		let x = 0;
		for (let j = 0; j < d; j++) x += (Z[r * d + j] - mean[j]) * v[j];
		const x2 = x * x;
		m2 += x2;
		m4 += x2 * x2;
	}
	m2 /= n;
	m4 /= n;
	return m2 > 0 ? m4 / (m2 * m2) : NaN;
}

/** Near-onset amplitude in units of √λ1: a/√λ1 = √(3(ρ−1)/(κρ³)) for ρ > 1, 0 below. */
export function onsetAmplitude(rho: number, kappa: number): number {
	return rho > 1 ? Math.sqrt((3 * (rho - 1)) / (kappa * rho ** 3)) : 0;
}

import type { Matrix } from '$lib/probe';

/** κ = E[x⁴]/λ² for x = vᵀ(z − z̄), λ = E[x²]: sets the pitchfork amplitude a² ≈ 3λ1(ρ−1)/(κρ³) (science.md §2). */
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

/**
 * The K = 2 pitchfork branch from the self-consistency a = E[x tanh(β a x)] on the projections x = v1ᵀ(z − z̄)
 * (science.md §2), by fixed-point iteration from a = √λ1; returned in units of √λ1 (0 when merged).
 */
export function tanhBranch(projections: ArrayLike<number>, lambda1: number, rho: number, iterations = 3000): number {
	if (rho <= 1) return 0;
	const beta = rho / lambda1;
	const n = projections.length;
	let a = Math.sqrt(lambda1);
	for (let it = 0; it < iterations; it++) {
		let s = 0;
		for (let i = 0; i < n; i++) s += projections[i] * Math.tanh(beta * a * projections[i]);
		const next = s / n;
		if (Math.abs(next - a) < 1e-12 * Math.sqrt(lambda1)) {
			a = next;
			break;
		}
		a = next;
	}
	return a / Math.sqrt(lambda1);
}

/** x_n = v1ᵀ(z_n − z̄). */
export function projectOn(Z: ArrayLike<number>, n: number, d: number, mean: ArrayLike<number>, v: ArrayLike<number>): Float64Array {
	const out = new Float64Array(n);
	for (let r = 0; r < n; r++) {
		let x = 0;
		for (let j = 0; j < d; j++) x += (Z[r * d + j] - mean[j]) * v[j];
		out[r] = x;
	}
	return out;
}

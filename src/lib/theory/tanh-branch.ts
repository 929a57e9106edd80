/**
 * The K = 2 pitchfork branch from the self-consistency a = E[x tanh(β a x)] on the projections x = v1ᵀ(z − z̄)
 * (docs/theory.md §2), by fixed-point iteration from a = √λ1; returned in units of √λ1 (0 when merged).
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

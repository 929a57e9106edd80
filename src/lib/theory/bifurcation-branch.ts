/**
 * The measured pitchfork branch: converged EM at each ρ of a sweep, warm-started from the previous ρ (with the
 * probe's jitter, so the split can start), as plotted in the bifurcation diagram.
 */
import { probeSnapshot, type Points, type ProbeState } from '$lib/probe';

export interface BranchPoint {
	rho: number;
	spread: number;
	kEff: number;
	iterations: number;
}

export function bifurcationBranch({ Z, n, d }: Points, { K, rhos, lambda1, seed = 1 }: { K: number; rhos: number[]; lambda1: number; seed?: number }): BranchPoint[] {
	let state: ProbeState | null = null;
	const out: BranchPoint[] = [];
	for (const rho of rhos) {
		const snap: ReturnType<typeof probeSnapshot> = probeSnapshot(Z, n, d, { mode: 'fixed', beta: rho / lambda1 }, state, {
			K,
			converge: true,
			maxIter: 4000,
			seed
		});
		state = snap.state;
		out.push({ rho, spread: snap.result.spread, kEff: snap.result.kEff, iterations: snap.result.emIterations });
	}
	return out;
}

/** n points evenly spaced in log between lo and hi. */
export function logSpace(lo: number, hi: number, n: number): number[] {
	const a = Math.log(lo);
	const b = Math.log(hi);
	return Array.from({ length: n }, (_, i) => Math.exp(a + ((b - a) * i) / (n - 1)));
}

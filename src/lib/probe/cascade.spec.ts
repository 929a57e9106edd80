// Deterministic annealing on four clusters: the first split at β_c = 1/λ1, the next at β·λmax(C_k) = 1.
import { describe, expect, it } from 'vitest';
import { cascade, createRng } from './index';

// Clusters at (±4, ±2), within-cluster sd 0.5: the cloud first splits along x (λ1 ≈ 16 + 0.25), then each half
// along y at β ≈ 1/(4 + 0.25).
const rng = createRng(5);
const perCluster = 150;
const n = 4 * perCluster;
const Z = new Float64Array(n * 2);
let row = 0;
for (const [cx, cy] of [
	[4, 2],
	[4, -2],
	[-4, 2],
	[-4, -2]
]) {
	for (let i = 0; i < perCluster; i++, row++) {
		Z[row * 2] = cx + 0.5 * rng.normal();
		Z[row * 2 + 1] = cy + 0.5 * rng.normal();
	}
}
const betas: number[] = [];
for (let b = 0.03; b < 0.4; b *= 1.02) betas.push(b);

describe('cascade on four clusters (K = 4)', () => {
	const res = cascade(Z, n, 2, 4, betas, { clusterSpectra: true, seed: 1, maxIter: 20000 });
	const jumps = res.steps
		.map((s, i) => ({ i, from: i > 0 ? res.steps[i - 1].kEff : 1, to: s.kEff }))
		.filter((j) => j.to !== j.from);

	it('K_eff climbs 1 → 2 → … → 4 and never decreases', () => {
		expect(jumps[0].to).toBe(2);
		expect(res.steps.at(-1)!.kEff).toBe(4);
		for (const j of jumps) expect(j.to).toBeGreaterThan(j.from);
		for (const s of res.steps) expect(s.converged).toBe(true);
	});

	it('first split at β_c = 1/λ1 (within one 2% grid step)', () => {
		const b = res.steps[jumps[0].i].beta;
		expect(b).toBeGreaterThanOrEqual(res.betaC);
		expect(b / res.betaC).toBeLessThan(1.021);
		expect(res.steps[jumps[0].i - 1].beta).toBeLessThan(res.betaC);
	});

	it('each later split where some cluster reaches β·λmax(C_k) = 1, predicted from the state just before', () => {
		expect(jumps.length).toBeGreaterThan(1);
		for (const j of jumps.slice(1)) {
			const before = res.steps[j.i - 1];
			const at = res.steps[j.i];
			// Clusters still stable before the jump whose predicted split 1/λmax(C_k) is reached at the jump.
			const predicted = before.clusterLambdaMax!.map((l) => 1 / l).filter((b) => b > before.beta);
			const nearest = Math.min(...predicted.map((b) => Math.abs(at.beta / b - 1)));
			expect(nearest, `jump ${j.from} → ${j.to} at β = ${at.beta}`).toBeLessThan(0.03);
			// ... and near the analytic 1/(B² + s²) = 1/4.25 of the generating clusters (sampling error ~5%).
			expect(Math.abs(at.beta * 4.25 - 1)).toBeLessThan(0.08);
		}
	});

	it('free energy decreases along the sweep below tr Σ/2', () => {
		for (let i = 1; i < res.steps.length; i++) {
			expect(res.steps[i].freeEnergy).toBeLessThanOrEqual(res.steps[i - 1].freeEnergy + 1e-9);
		}
		expect(res.steps[0].freeEnergy).toBeCloseTo(res.trace / 2, 8);
	});
});

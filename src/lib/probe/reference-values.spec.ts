// Every reference value of docs/theory.md §7, with the tolerances given there (1e-8 unless stated).
import { describe, expect, it } from 'vitest';
import {
	covariance,
	emStep,
	freeEnergy,
	hessianSpectrum,
	probeSnapshot,
	responsibilities,
	runEM,
	topEigenpairs
} from './index';

const Z = new Float64Array([3, 1, -3, -1, 1, -2, -1, 2, 2, 0, -2, 0]);
const N = 6;
const D = 2;
const LAMBDA = [4.703257409548815, 1.6300759237845188];
const V1 = [-0.99402894, -0.10911677];
const BETA_C = 0.21261859875450242;

const close = (a: number, b: number, tol = 1e-8) => expect(Math.abs(a - b)).toBeLessThanOrEqual(tol);

function spectrum() {
	const { mean, cov, trace } = covariance(Z, N, D);
	return { mean, cov, trace, eig: topEigenpairs(cov, D, 2) };
}

describe('docs/theory.md §7 reference values', () => {
	it('mean 0 and Σ = [[14/3, 1/3], [1/3, 5/3]]', () => {
		const { mean, cov } = spectrum();
		close(mean[0], 0);
		close(mean[1], 0);
		close(cov[0], 14 / 3);
		close(cov[1], 1 / 3);
		close(cov[2], 1 / 3);
		close(cov[3], 5 / 3);
	});

	it('eigenvalues, v1 (up to sign, 1e-8 at the 8 printed digits) and β_c', () => {
		const { eig } = spectrum();
		close(eig.values[0], LAMBDA[0]);
		close(eig.values[1], LAMBDA[1]);
		const sign = Math.sign(eig.vectors[0] * V1[0] + eig.vectors[1] * V1[1]);
		close(sign * eig.vectors[0], V1[0], 5e-9);
		close(sign * eig.vectors[1], V1[1], 5e-9);
		close(1 / eig.values[0], BETA_C);
	});

	it('K = 2 Hessian eigenvalues at ρ = 0.5 and ρ = 1.5', () => {
		const cases: [number, number[]][] = [
			[0.5, [0.25, 0.4133538853, 0.5, 0.5]],
			[1.5, [-0.25, 0.2400616559, 0.5, 0.5]]
		];
		for (const [rho, expected] of cases) {
			const values = hessianSpectrum(LAMBDA, rho * BETA_C, 2, D).flatMap((h) =>
				Array<number>(h.multiplicity).fill(h.value)
			);
			expect(values).toHaveLength(4);
			values.forEach((v, i) => close(v, expected[i], 1e-8));
		}
	});

	it('F(symmetric) = tr Σ / 2 = 3.1666666667', () => {
		const sym = new Float64Array(4);
		for (const rho of [0.5, 1.5]) close(freeEnergy({ Z, n: N, d: D }, { prototypes: sym, K: 2, beta: rho * BETA_C }), 3.1666666667, 1e-8);
	});

	it('one EM step from ±1e-7·v1 multiplies the separation by ρ (0.5, 1.5; tol 1e-6)', () => {
		const { eig } = spectrum();
		const v = eig.vectors;
		for (const rho of [0.5, 1.5]) {
			const M = new Float64Array([1e-7 * v[0], 1e-7 * v[1], -1e-7 * v[0], -1e-7 * v[1]]);
			const next = emStep({ Z, n: N, d: D }, { prototypes: M, K: 2, beta: rho * BETA_C });
			const sep = Math.hypot(next[0] - next[2], next[1] - next[3]);
			close(sep / 2e-7, rho, 1e-6);
		}
	});

	it('EM at ρ = 1.5 from ±1e-3·v1 converges to ±(−1.5681824520, 0.0099007096), F = 2.9225664228', () => {
		const v = V1;
		const M = new Float64Array([1e-3 * v[0], 1e-3 * v[1], -1e-3 * v[0], -1e-3 * v[1]]);
		const em = runEM(Z, N, D, M, 2, 1.5 * BETA_C, { converge: true, tol: 1e-14, maxIter: 10000 });
		expect(em.converged).toBe(true);
		const p = em.prototypes;
		close(p[0], -1.568182452, 1e-8);
		close(p[1], 0.0099007096, 1e-8);
		close(p[2], 1.568182452, 1e-8);
		close(p[3], -0.0099007096, 1e-8);
		close(freeEnergy({ Z, n: N, d: D }, { prototypes: p, K: 2, beta: 1.5 * BETA_C }), 2.9225664228, 1e-8);
	});

	it('K = 3, β = 0.4: responsibilities of point 0 and F', () => {
		const M = new Float64Array([1, 0.5, -1, 0, 0.2, -0.7]);
		const P = responsibilities({ Z, n: N, d: D }, { prototypes: M, K: 3, beta: 0.4 });
		close(P[0], 0.7398059716);
		close(P[1], 0.0577652828);
		close(P[2], 0.2024287456);
		close(freeEnergy({ Z, n: N, d: D }, { prototypes: M, K: 3, beta: 0.4 }), 2.979192209, 1e-8);
	});

	it('probeSnapshot reproduces λ, β_c, ρ and the Hessian on the reference points', () => {
		const { result } = probeSnapshot(Z, N, D, { mode: 'fixed', beta: 1.5 * BETA_C }, null, { K: 2 });
		close(result.lambda1, LAMBDA[0]);
		close(result.lambdas[1], LAMBDA[1]);
		close(result.betaC, BETA_C);
		close(result.rho, 1.5);
		close(result.hessianMin, -0.25);
		expect(result.hessian.map((h) => [h.value, h.multiplicity])).toEqual([
			[expect.closeTo(-0.25, 8), 1],
			[expect.closeTo(0.2400616559, 8), 1],
			[expect.closeTo(0.5, 8), 2]
		]);
		expect(result.unstableDirections).toBe(1);
		close(result.trace, 19 / 3);
		expect(result.betaMode).toBe('fixed');
	});
});

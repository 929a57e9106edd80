import { describe, expect, it } from 'vitest';
import { makeCloud } from '$lib/clouds/make-cloud';
import { hessianSpectrum } from '$lib/probe';
import { cloudStats } from './cloud-stats';
import { bifurcationBranch, logSpace } from './bifurcation-branch';
import { emTrajectory, splitAlong, stepperStart } from './em-stepper';
import { finiteDifferenceHessianEigenvalues } from './finite-difference-hessian';
import { onsetAmplitude } from './kurtosis-along';
import { tanhBranch } from './tanh-branch';
import { projectOn } from './project-on';

const N = 2000;
const gauss = makeCloud('anisotropic', { n: N, sep: 0, seed: 3 });
const st = cloudStats(gauss, N, 2);

describe('theory helpers for the figures', () => {
	it('cloudStats uses the probe: β_c = 1/λ1 and Gaussian kurtosis ≈ 3', () => {
		expect(st.betaC).toBeCloseTo(1 / st.lambda1, 12);
		expect(st.lambdas[0]).toBeGreaterThan(st.lambdas[1]);
		expect(st.kappa).toBeGreaterThan(2.7);
		expect(st.kappa).toBeLessThan(3.3);
	});

	it('EM stepper: each step multiplies a tiny split by ρ = βλ1', () => {
		for (const rho of [0.5, 0.9, 1.5]) {
			const start = stepperStart(2, 2, { mean: st.mean, v1: st.vectors[0], delta: 1e-7 });
			const traj = emTrajectory({ Z: gauss, n: N, d: 2 }, { start, K: 2, beta: rho / st.lambda1, iterations: 3 });
			const s = traj.map((M) => splitAlong(M, 2, 2, st.vectors[0]));
			expect(s[1] / s[0]).toBeCloseTo(rho, 5);
			expect(s[3] / s[2]).toBeCloseTo(rho, 5);
		}
	});

	it('the K = 2 tanh branch matches converged EM and the near-onset √(3(ρ−1)/(κρ³))', () => {
		const x = projectOn(gauss, N, 2, st.mean, st.vectors[0]);
		const rhos = [1.05, 1.2, 2];
		const branch = bifurcationBranch({ Z: gauss, n: N, d: 2 }, { K: 2, rhos, lambda1: st.lambda1, seed: 1 });
		rhos.forEach((rho, i) => {
			expect(branch[i].spread).toBeCloseTo(tanhBranch(x, st.lambda1, rho), 2);
		});
		expect(tanhBranch(x, st.lambda1, 1.05) / onsetAmplitude(1.05, st.kappa)).toBeGreaterThan(0.9);
		expect(tanhBranch(x, st.lambda1, 1.05) / onsetAmplitude(1.05, st.kappa)).toBeLessThan(1.1);
		expect(tanhBranch(x, st.lambda1, 0.9)).toBe(0);
	});

	it('the branch is merged below ρ = 1 and split above', () => {
		const b = bifurcationBranch({ Z: gauss, n: N, d: 2 }, { K: 3, rhos: logSpace(0.5, 2, 7), lambda1: st.lambda1, seed: 1 });
		for (const p of b) {
			if (p.rho < 0.99) expect(p.kEff).toBe(1);
			if (p.rho > 1.2) expect(p.kEff).toBeGreaterThanOrEqual(2);
		}
	});

	it('finite-difference Hessian at the symmetric state equals the closed form', () => {
		const n = 300;
		const Z = makeCloud('two-blobs', { n, sep: 3, seed: 2 });
		const s2 = cloudStats(Z, n, 2);
		for (const K of [2, 3]) {
			for (const rho of [0.5, 1.5, 4]) {
				const beta = rho / s2.lambda1;
				const M = new Float64Array(K * 2);
				for (let k = 0; k < K; k++) M.set(s2.mean, 2 * k);
				const fd = finiteDifferenceHessianEigenvalues({ Z, n, d: 2 }, { prototypes: M, K, beta });
				const exact = hessianSpectrum(s2.lambdas, beta, K, 2)
					.flatMap((h) => Array.from({ length: h.multiplicity }, () => h.value))
					.sort((a, b) => b - a);
				fd.forEach((v, i) => expect(v).toBeCloseTo(exact[i], 6));
			}
		}
	});
});

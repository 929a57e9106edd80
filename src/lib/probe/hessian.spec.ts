// Closed-form Hessian at the symmetric state vs finite differences of F; exact HVP vs finite differences of ∂F/∂μ.
import { describe, expect, it } from 'vitest';
import {
	covariance,
	createRng,
	freeEnergy,
	freeEnergyGradient,
	hessianSpectrum,
	hessianVectorProduct,
	symmetricEigen,
	unstableDirections
} from './index';
import { gaussianCloud } from './gaussian-cloud';
import { secondDifferenceHessian } from './fixtures/second-difference-hessian';


describe('Hessian of F at the symmetric state', () => {
	const cases = [
		{ name: 'reference points, K = 2', Z: new Float64Array([3, 1, -3, -1, 1, -2, -1, 2, 2, 0, -2, 0]), d: 2, K: 2 },
		{ name: 'Gaussian cloud, d = 3, K = 3', Z: gaussianCloud(400, [3, 1.5, 0.5], 11, { rotate: true }).Z, d: 3, K: 3 }
	];
	for (const { name, Z, d, K } of cases) {
		for (const rho of [0.5, 1.5, 2.5]) {
			it(`${name}, ρ = ${rho}: closed form = finite differences (with multiplicities)`, () => {
				const n = Z.length / d;
				const { mean, cov } = covariance(Z, n, d);
				const lambdas = symmetricEigen(cov, d).values;
				const beta = rho / lambdas[0];
				const M = new Float64Array(K * d);
				for (let k = 0; k < K; k++) M.set(mean, k * d);
				const numeric = Array.from(symmetricEigen(secondDifferenceHessian(Z, n, d, M, K, beta), K * d).values).sort(
					(a, b) => a - b
				);
				const closed = hessianSpectrum(lambdas, beta, K, d).flatMap((e) => Array<number>(e.multiplicity).fill(e.value));
				expect(closed).toHaveLength(K * d);
				closed.forEach((v, i) => expect(Math.abs(v - numeric[i])).toBeLessThan(1e-5));
				const negative = numeric.filter((v) => v < -1e-6).length;
				expect(unstableDirections(lambdas, beta, K)).toBe(negative);
			});
		}
	}
});

describe('hessianVectorProduct', () => {
	const d = 3;
	const K = 3;
	const n = 300;
	const { Z } = gaussianCloud(n, [3, 1.5, 0.5], 5, { rotate: true });
	const rng = createRng(9);
	const randomKd = (scale: number) => Float64Array.from({ length: K * d }, () => scale * rng.normal());

	it('matches central differences of the gradient at a non-symmetric state', () => {
		const beta = 0.8;
		const M = randomKd(1.2);
		for (let trial = 0; trial < 3; trial++) {
			const V = randomKd(1);
			const h = 1e-5;
			const plus = freeEnergyGradient({ Z, n, d }, { prototypes: M.map((m, i) => m + h * V[i]), K, beta });
			const minus = freeEnergyGradient({ Z, n, d }, { prototypes: M.map((m, i) => m - h * V[i]), K, beta });
			const HV = hessianVectorProduct({ Z, n, d }, { prototypes: M, K, beta }, V);
			let scale = 0;
			for (const x of HV) scale = Math.max(scale, Math.abs(x));
			expect(scale).toBeGreaterThan(0.01);
			for (let i = 0; i < K * d; i++) expect(Math.abs(HV[i] - (plus[i] - minus[i]) / (2 * h))).toBeLessThan(1e-7 * (1 + scale));
		}
	});

	it('equals the closed form (1/K)[V_k − βΣ(V_k − V̄)] at the symmetric state', () => {
		const { mean, cov } = covariance(Z, n, d);
		const beta = 0.7;
		const M = new Float64Array(K * d);
		for (let k = 0; k < K; k++) M.set(mean, k * d);
		const V = randomKd(1);
		const HV = hessianVectorProduct({ Z, n, d }, { prototypes: M, K, beta }, V);
		const vBar = new Float64Array(d);
		for (let k = 0; k < K; k++) for (let j = 0; j < d; j++) vBar[j] += V[k * d + j] / K;
		for (let k = 0; k < K; k++) {
			for (let i = 0; i < d; i++) {
				let s = 0;
				for (let j = 0; j < d; j++) s += cov[i * d + j] * (V[k * d + j] - vBar[j]);
				expect(Math.abs(HV[k * d + i] - (V[k * d + i] - beta * s) / K)).toBeLessThan(1e-12);
			}
		}
	});

	it('gradient matches central differences of F at a non-symmetric state', () => {
		const beta = 0.5;
		const M = randomKd(0.8);
		const g = freeEnergyGradient({ Z, n, d }, { prototypes: M, K, beta });
		const h = 1e-6;
		for (let i = 0; i < K * d; i++) {
			const plus = Float64Array.from(M);
			const minus = Float64Array.from(M);
			plus[i] += h;
			minus[i] -= h;
			const fd = (freeEnergy({ Z, n, d }, { prototypes: plus, K, beta }) - freeEnergy({ Z, n, d }, { prototypes: minus, K, beta })) / (2 * h);
			expect(Math.abs(g[i] - fd)).toBeLessThan(1e-7);
		}
	});
});

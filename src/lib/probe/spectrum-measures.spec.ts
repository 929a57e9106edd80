// Covariance, eigenpairs, effective rank, anisotropy, K_eff, spread, RNG.
import { describe, expect, it } from 'vitest';
import {
	anisotropyIndex,
	blockPowerEigen,
	covariance,
	createRng,
	effectiveRank,
	kEffOf,
	spreadOf,
	symmetricEigen,
	topEigenpairs
} from './index';
import { gaussianCloud } from './gaussian-cloud';

describe('covariance and eigenpairs', () => {
	it('covariance of a Float32 snapshot equals the naive float64 formula', () => {
		const { Z } = gaussianCloud(37, [3, 2, 1, 0.5, 0.1], 4, { rotate: true, mean: [10, -3, 0, 1, 2] });
		const Z32 = Float32Array.from(Z);
		const { mean, cov, trace } = covariance(Z32, 37, 5);
		for (let i = 0; i < 5; i++) {
			for (let j = 0; j < 5; j++) {
				let s = 0;
				for (let r = 0; r < 37; r++) s += (Z32[r * 5 + i] - mean[i]) * (Z32[r * 5 + j] - mean[j]);
				expect(cov[i * 5 + j]).toBeCloseTo(s / 37, 12);
			}
		}
		expect(trace).toBeCloseTo(cov[0] + cov[6] + cov[12] + cov[18] + cov[24], 12);
	});

	for (const d of [1, 2, 7, 64, 200]) {
		it(`d = ${d}: A v = λ v, orthonormal, all eigenvalues sum to the trace`, () => {
			const rng = createRng(d);
			const A = new Float64Array(d * d);
			for (let i = 0; i < d; i++)
				for (let j = i; j < d; j++) A[i * d + j] = A[j * d + i] = rng.normal() + (i === j ? 2 : 0);
			const k = Math.min(8, d);
			const e = topEigenpairs(A, d, k);
			let trace = 0;
			for (let i = 0; i < d; i++) trace += A[i * d + i];
			expect(e.spectrum.reduce((a, b) => a + b, 0)).toBeCloseTo(trace, 9);
			for (let i = 1; i < d; i++) expect(e.spectrum[i]).toBeLessThanOrEqual(e.spectrum[i - 1]);
			for (let r = 0; r < k; r++) {
				for (let i = 0; i < d; i++) {
					let s = 0;
					for (let j = 0; j < d; j++) s += A[i * d + j] * e.vectors[r * d + j];
					expect(Math.abs(s - e.values[r] * e.vectors[r * d + i])).toBeLessThan(1e-10);
				}
				for (let q = 0; q <= r; q++) {
					let s = 0;
					for (let j = 0; j < d; j++) s += e.vectors[r * d + j] * e.vectors[q * d + j];
					expect(Math.abs(s - (q === r ? 1 : 0))).toBeLessThan(1e-12);
				}
			}
		});
	}

	it('degenerate spectrum (isotropic) gives an orthonormal basis', () => {
		const d = 5;
		const A = new Float64Array(d * d);
		for (let i = 0; i < d; i++) A[i * d + i] = 2;
		const e = symmetricEigen(A, d, 5);
		expect(Array.from(e.values)).toEqual([2, 2, 2, 2, 2]);
		for (let r = 0; r < 5; r++) for (let q = 0; q < 5; q++) {
			let s = 0;
			for (let j = 0; j < d; j++) s += e.vectors[r * d + j] * e.vectors[q * d + j];
			expect(s).toBeCloseTo(r === q ? 1 : 0, 12);
		}
	});

	it('the reference vector fixes the sign', () => {
		const A = new Float64Array([2, 1, 1, 2]);
		const plus = symmetricEigen(A, 2, 1).vectors;
		const minus = symmetricEigen(A, 2, 1, plus.map((x) => -x)).vectors;
		expect(minus[0]).toBeCloseTo(-plus[0], 14);
	});
});

describe('scalar measures', () => {
	it('effective rank: exp(entropy) of the normalised spectrum', () => {
		expect(effectiveRank([1, 1, 1, 1])).toBeCloseTo(4, 12);
		expect(effectiveRank([5, 0, 0])).toBeCloseTo(1, 12);
		const p = [3 / 4, 1 / 4];
		expect(effectiveRank([3, 1])).toBeCloseTo(Math.exp(-(p[0] * Math.log(p[0]) + p[1] * Math.log(p[1]))), 12);
		expect(effectiveRank([0, 0])).toBe(0);
	});

	it('anisotropy index = λ1/mean(λ) ≥ 1', () => {
		expect(anisotropyIndex(4, 8, 4)).toBeCloseTo(2, 12);
		expect(anisotropyIndex(2, 8, 4)).toBeCloseTo(1, 12);
	});

	it('K_eff merges prototypes closer than 0.05·√(tr Σ), transitively', () => {
		// tr Σ = 100 → threshold 0.5.
		const P = new Float64Array([0, 0, 0.4, 0, 0.8, 0, 5, 5]);
		expect(kEffOf(P, 4, 2, 100)).toBe(2); // 0–0.4–0.8 chain, and the far one
		expect(kEffOf(P, 4, 2, 1)).toBe(4); // threshold 0.05
	});

	it('spread m/√λ1 and its part along v1', () => {
		// ±(3, 4) around 0: m = 5; v1 = (1, 0) → projection 3.
		const s = spreadOf(new Float64Array([3, 4, -3, -4]), 2, 2, 4, [1, 0]);
		expect(s.m).toBeCloseTo(5, 12);
		expect(s.spread).toBeCloseTo(2.5, 12);
		expect(s.projV1).toBeCloseTo(1.5, 12);
	});

	it('createRng is deterministic, uniform in [0,1), normals with mean 0 and variance 1', () => {
		const a = createRng(42);
		const b = createRng(42);
		const xs = Array.from({ length: 20000 }, () => a.normal());
		expect(xs.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b.normal()));
		const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
		const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
		expect(Math.abs(mean)).toBeLessThan(0.03);
		expect(Math.abs(variance - 1)).toBeLessThan(0.03);
		const u = createRng(1);
		for (let i = 0; i < 1000; i++) {
			const x = u.uniform();
			expect(x).toBeGreaterThanOrEqual(0);
			expect(x).toBeLessThan(1);
		}
		expect(createRng(1).uniform()).not.toBe(createRng(2).uniform());
	});
});

describe('blockPowerEigen', () => {
	it('matches the dense solver; a warm start needs fewer iterations', () => {
		const d = 60;
		const { Z } = gaussianCloud(2000, Array.from({ length: d }, (_, i) => 1 / (1 + i)), 8, { rotate: true });
		const { cov } = covariance(Z, 2000, d);
		const dense = topEigenpairs(cov, d, 8);
		const cold = blockPowerEigen(cov, d, 8, { tol: 1e-11 });
		expect(cold.converged).toBe(true);
		for (let r = 0; r < 8; r++) {
			expect(Math.abs(cold.values[r] - dense.values[r])).toBeLessThan(1e-9);
			let dot = 0;
			for (let j = 0; j < d; j++) dot += cold.vectors[r * d + j] * dense.vectors[r * d + j];
			expect(Math.abs(Math.abs(dot) - 1)).toBeLessThan(1e-8);
		}
		const warm = blockPowerEigen(cov, d, 8, { tol: 1e-11, warm: dense.vectors });
		expect(warm.iterations).toBeLessThan(cold.iterations);
	});
});

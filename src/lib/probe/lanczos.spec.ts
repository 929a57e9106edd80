// Lanczos against the dense solver; the Hessian at the probe's state against the closed form (symmetric state)
// and against finite differences (split state).
import { describe, expect, it } from 'vitest';
import { covariance, createRng, freeEnergy, hessianSpectrum, hessianVectorProduct, runEM, symmetricEigen } from './index';
import { hessianOperator } from './hessian-operator';
import { gaussianCloud } from './gaussian-cloud';
import { hessianMinAtState } from './hessian-at-state';
import { lanczos } from './lanczos';
import { secondDifferenceHessian } from './fixtures/second-difference-hessian';

function randomSymmetric(p: number, seed: number, spectrum?: number[]): Float64Array {
	const rng = createRng(seed);
	if (!spectrum) {
		const A = new Float64Array(p * p);
		for (let i = 0; i < p; i++)
			for (let j = i; j < p; j++) A[i * p + j] = A[j * p + i] = rng.normal();
		return A;
	}
	// Q diag(spectrum) Qᵀ with Q from the eigenvectors of a random symmetric matrix.
	const Q = symmetricEigen(randomSymmetric(p, seed + 1), p).vectors;
	const A = new Float64Array(p * p);
	for (let i = 0; i < p; i++)
		for (let j = 0; j < p; j++) {
			let s = 0;
			for (let q = 0; q < p; q++) s += Q[q * p + i] * spectrum[q] * Q[q * p + j];
			A[i * p + j] = s;
		}
	return A;
}
const matVec = (A: Float64Array, p: number) => (x: Float64Array, y: Float64Array) => {
	for (let i = 0; i < p; i++) {
		let s = 0;
		for (let j = 0; j < p; j++) s += A[i * p + j] * x[j];
		y[i] = s;
	}
};

describe('lanczos', () => {
	it('largest and smallest eigenpairs match the dense solver (p = 120)', () => {
		const p = 120;
		const A = randomSymmetric(p, 3);
		const dense = symmetricEigen(A, p, p).values; // descending
		const top = lanczos(matVec(A, p), p, 4, { tol: 1e-10 });
		const bottom = lanczos(matVec(A, p), p, 3, { which: 'smallest', tol: 1e-10 });
		expect(top.converged).toBe(true);
		for (let i = 0; i < 4; i++) expect(top.values[i]).toBeCloseTo(dense[i], 7);
		for (let i = 0; i < 3; i++) expect(bottom.values[i]).toBeCloseTo(dense[p - 1 - i], 7);
		// Ritz vectors are eigenvectors: ‖Au − θu‖ small.
		const y = new Float64Array(p);
		matVec(A, p)(top.vectors.subarray(0, p), y);
		let r = 0;
		for (let j = 0; j < p; j++) r += (y[j] - top.values[0] * top.vectors[j]) ** 2;
		expect(Math.sqrt(r)).toBeLessThan(1e-6);
	});

	it('handles a degenerate spectrum (few distinct values) and a warm start that is an eigenvector', () => {
		const p = 60;
		const spectrum = Array.from({ length: p }, (_, i) => (i < 5 ? 3 : i < 10 ? -2 : 0.5));
		const A = randomSymmetric(p, 5, spectrum);
		const low = lanczos(matVec(A, p), p, 1, { which: 'smallest' });
		expect(low.values[0]).toBeCloseTo(-2, 8);
		// Warm start exactly on a λ = 3 eigenvector: the smallest (−2) must still be found.
		const warm = lanczos(matVec(A, p), p, 1, { which: 'largest' }).vectors;
		const fromWarm = lanczos(matVec(A, p), p, 1, { which: 'smallest', start: warm });
		expect(fromWarm.values[0]).toBeCloseTo(-2, 8);
	});
});


describe('hessianOperator', () => {
	it('equals the reference hessianVectorProduct at a random state (blocked rows and the remainder)', () => {
		const d = 5;
		const K = 3;
		const Z = gaussianCloud(103, [2, 1, 0.7, 0.4, 0.2], 8, { rotate: true }).Z; // 103 = 4·25 + 3
		const n = Z.length / d;
		const rng = createRng(9);
		const M = Float64Array.from({ length: K * d }, () => rng.normal());
		const V = Float64Array.from({ length: K * d }, () => rng.normal());
		const a = hessianVectorProduct({ Z, n, d }, { prototypes: M, K, beta: 0.8 }, V);
		const b = new Float64Array(K * d);
		hessianOperator({ Z, n, d }, { prototypes: M, K, beta: 0.8 })(V, b);
		for (let i = 0; i < K * d; i++) expect(b[i]).toBeCloseTo(a[i], 12);
	});

	it('on the WebAssembly kernels (d ≥ 8: responsibilities and both passes) equals the reference to 1e-12', () => {
		const d = 17;
		const K = 5;
		const Z = gaussianCloud(203, Array.from({ length: d }, (_, i) => 2 / (1 + i)), 4, { rotate: true }).Z;
		const n = Z.length / d;
		const rng = createRng(11);
		const M = Float64Array.from({ length: K * d }, () => rng.normal());
		const V = Float64Array.from({ length: K * d }, () => rng.normal());
		const a = hessianVectorProduct({ Z, n, d }, { prototypes: M, K, beta: 0.7 }, V);
		const b = new Float64Array(K * d);
		hessianOperator({ Z, n, d }, { prototypes: M, K, beta: 0.7 })(V, b);
		let scale = 0;
		for (let i = 0; i < K * d; i++) scale = Math.max(scale, Math.abs(a[i]));
		for (let i = 0; i < K * d; i++) expect(Math.abs(b[i] - a[i])).toBeLessThan(1e-12 * scale);
	});
});

describe('hessianMinAtState (Lanczos on the exact HVP)', () => {
	const d = 3;
	const Z = gaussianCloud(300, [3, 1.2, 0.4], 21, { rotate: true }).Z;
	const n = Z.length / d;
	const { mean, cov } = covariance(Z, n, d);
	const lambdas = symmetricEigen(cov, d).values;
	const centred = Float64Array.from(Z, (x, i) => x - mean[i % d]);

	for (const [K, rho] of [
		[2, 0.6],
		[3, 1.8],
		[4, 2.5]
	]) {
		it(`symmetric state, K = ${K}, ρ = ${rho}: equals the closed form min_i (1 − βλ_i)/K`, () => {
			const beta = rho / lambdas[0];
			const M = new Float64Array(K * d); // centred data: the symmetric state is μ_k = 0
			const closed = Math.min(...hessianSpectrum(lambdas, beta, K, d).map((e) => e.value));
			expect(closed).toBeCloseTo((1 - rho) / K, 12);
			const h = hessianMinAtState({ Z: centred, n, d }, { prototypes: M, K, beta }, { tol: 1e-10, maxIter: K * d });
			expect(h.converged).toBe(true);
			expect(Math.abs(h.min - closed)).toBeLessThan(1e-8);
		});
	}

	it('split state (EM converged at ρ = 2): equals the smallest eigenvalue of the finite-difference Hessian, > 0', () => {
		const K = 2;
		const beta = 2 / lambdas[0];
		const rng = createRng(4);
		const init = Float64Array.from({ length: K * d }, () => 0.3 * rng.normal());
		const em = runEM(centred, n, d, init, K, beta, { converge: true, tol: 1e-12, maxIter: 20000 });
		const numeric = symmetricEigen(secondDifferenceHessian(centred, n, d, em.prototypes, K, beta), K * d).values;
		const fdMin = numeric[K * d - 1];
		const h = hessianMinAtState({ Z: centred, n, d }, { prototypes: em.prototypes, K, beta }, { tol: 1e-10 });
		expect(Math.abs(h.min - fdMin)).toBeLessThan(1e-5);
		expect(h.min).toBeGreaterThan(0); // a stable branch
		// …while the closed form at the same β says the symmetric state is unstable.
		expect((1 - beta * lambdas[0]) / K).toBeLessThan(0);
	});
});

describe('hessianOperator with and without the WebAssembly kernels', () => {
	it('agree to 1e-12 (N 203 × d 17, K 5)', async () => {
		const { disableWasmKernels } = await import('./wasm/wasm-kernels');
		const d = 17;
		const K = 5;
		const Z = gaussianCloud(203, Array.from({ length: d }, (_, i) => 2 / (1 + i)), 12, { rotate: true }).Z;
		const n = Z.length / d;
		const rng = createRng(13);
		const M = Float64Array.from({ length: K * d }, () => rng.normal());
		const V = Float64Array.from({ length: K * d }, () => rng.normal());
		const fast = new Float64Array(K * d);
		hessianOperator({ Z, n, d }, { prototypes: M, K, beta: 1.3 })(V, fast);
		disableWasmKernels(true);
		const ref = new Float64Array(K * d);
		try {
			hessianOperator({ Z, n, d }, { prototypes: M, K, beta: 1.3 })(V, ref);
		} finally {
			disableWasmKernels(false);
		}
		const plain = hessianVectorProduct({ Z, n, d }, { prototypes: M, K, beta: 1.3 }, V);
		for (let i = 0; i < K * d; i++) {
			expect(fast[i]).toBeCloseTo(ref[i], 12);
			expect(fast[i]).toBeCloseTo(plain[i], 12);
		}
	});
});

import { afterEach, describe, expect, it } from 'vitest';
import { createRng } from '../random';
import { centreRows } from './centre-rows';
import { covarianceOfCentred } from './covariance-of-centred';
import { emStep } from './em-step';
import { covariance32, emStep32, freeEnergy32, loadPoints32 } from './float32-kernels';
import { freeEnergy } from './free-energy';
import { gaussianCloud } from './gaussian-cloud';
import { probeSnapshot } from './probe-snapshot';
import { disableWasmKernels, wasmKernels } from './wasm/wasm-kernels';

afterEach(() => disableWasmKernels(false));

function cloud(n: number, d: number, seed: number, scale = 1, offset = 5): Float32Array {
	const variances = Array.from({ length: d }, (_, i) => (scale * scale * 3) / (1 + i));
	return Float32Array.from(gaussianCloud(n, variances, seed, { rotate: true, mean: Array(d).fill(offset * scale) }).Z);
}

// Shapes: N below, at and not a multiple of the 128-row f32 block; d below/at/above multiples of 8, odd.
const SHAPES: [number, number][] = [
	[64, 8],
	[101, 9],
	[203, 33],
	[300, 64],
	[1000, 128],
	[777, 131]
];

describe('float32 kernels against the float64 TypeScript reference', () => {
	it('exp64 (the polynomial exp inside em32) matches Math.exp to 1e-12 relative, and underflows like it', () => {
		const k = wasmKernels()!;
		const rng = createRng(5);
		for (let i = 0; i < 20000; i++) {
			const x = -708 * rng.uniform();
			expect(Math.abs(k.exp64(x) / Math.exp(x) - 1)).toBeLessThan(1e-12);
		}
		expect(k.exp64(0)).toBe(1);
		expect(k.exp64(-Infinity)).toBe(0);
		expect(k.exp64(-800)).toBe(0);
		for (const x of [-709.5, -720, -740, -745]) expect(Math.abs(k.exp64(x) - Math.exp(x))).toBeLessThanOrEqual(Math.exp(x) * 1e-9 + 5e-324);
	});

	for (const [n, d] of SHAPES) {
		it(`N ${n} × d ${d}: mean and N·tr Σ equal to rounding; Σ within |ΔΣ_ij| ≤ 1e-6·√(Σ_ii Σ_jj)`, () => {
			const Z = cloud(n, d, n + d);
			const { mean, centred } = centreRows(Z, n, d);
			const ref = covarianceOfCentred(centred, n, d);
			const pts = loadPoints32(Z, n, d, 8)!;
			expect(pts).not.toBeNull();
			for (let j = 0; j < d; j++) expect(pts.meanValues[j]).toBe(mean[j]); // the same sums in the same order
			let tr = 0;
			for (let j = 0; j < d; j++) tr += ref[j * d + j];
			expect(Math.abs(pts.sumSquares / n - tr)).toBeLessThan(1e-12 * tr);
			const C = covariance32(pts);
			let worst = 0;
			for (let i = 0; i < d; i++) {
				for (let j = 0; j < d; j++) {
					worst = Math.max(worst, Math.abs(C[i * d + j] - ref[i * d + j]) / Math.sqrt(ref[i * d + i] * ref[j * d + j]));
					expect(C[i * d + j]).toBe(C[j * d + i]);
				}
			}
			expect(worst).toBeLessThan(1e-6);
			expect(worst).toBeGreaterThan(0); // float32 really ran (the reference is float64)
		});
	}

	it('data scaled by 1e-25 or 1e25 (f32 products would under/overflow unscaled) keeps the 1e-6 tolerance', () => {
		for (const s of [1e-25, 1e25]) {
			const n = 300;
			const d = 24;
			const Z = cloud(n, d, 9, s);
			const ref = covarianceOfCentred(centreRows(Z, n, d).centred, n, d);
			const C = covariance32(loadPoints32(Z, n, d, 8)!);
			for (let i = 0; i < d; i++) {
				for (let j = 0; j < d; j++) expect(Math.abs(C[i * d + j] - ref[i * d + j])).toBeLessThan(1e-6 * Math.sqrt(ref[i * d + i] * ref[j * d + j]));
			}
		}
	});

	for (const [n, d, K] of [
		[64, 8, 2],
		[101, 9, 3],
		[203, 33, 8],
		[1000, 128, 5],
		[333, 20, 11]
	] as const) {
		it(`N ${n} × d ${d}, K ${K}: EM step and free energy equal to the reference to 1e-12 (relative)`, () => {
			const Z = cloud(n, d, n + K);
			const { centred } = centreRows(Z, n, d);
			const rng = createRng(K);
			const M = Float64Array.from({ length: K * d }, () => 0.5 * rng.normal());
			const pts = loadPoints32(Z, n, d, K)!;
			for (const beta of [0.3, 2, 20]) {
				const ref = emStep({ Z: centred, n, d }, { prototypes: M, K, beta });
				const fast = emStep32(pts, M, beta, new Float64Array(K * d));
				for (let i = 0; i < K * d; i++) expect(Math.abs(fast[i] - ref[i])).toBeLessThan(1e-12 * (1 + Math.abs(ref[i])));
				const f0 = freeEnergy({ Z: centred, n, d }, { prototypes: M, K, beta });
				expect(Math.abs(freeEnergy32(pts, M, beta) - f0)).toBeLessThan(1e-12 * Math.abs(f0));
			}
		});
	}

	it('near the symmetric state the split (prototype deviations ~1e-7) is computed to 1e-9 of its size', () => {
		const n = 500;
		const d = 16;
		const K = 4;
		const Z = cloud(n, d, 3);
		const { centred } = centreRows(Z, n, d);
		const rng = createRng(11);
		const M = Float64Array.from({ length: K * d }, () => 1e-7 * rng.normal());
		const pts = loadPoints32(Z, n, d, K)!;
		const beta = 2; // λ1 = 3: ρ = 6, the deviations grow
		const ref = emStep({ Z: centred, n, d }, { prototypes: M, K, beta });
		const fast = emStep32(pts, M, beta, new Float64Array(K * d));
		// Deviations from the prototypes' mean: the part the bifurcation is about.
		const dev = (X: Float64Array, q: number, j: number) => {
			let s = 0;
			for (let p = 0; p < K; p++) s += X[p * d + j];
			return X[q * d + j] - s / K;
		};
		let size = 0;
		for (let q = 0; q < K; q++) for (let j = 0; j < d; j++) size = Math.max(size, Math.abs(dev(ref, q, j)));
		expect(size).toBeGreaterThan(1e-7);
		for (let q = 0; q < K; q++) for (let j = 0; j < d; j++) expect(Math.abs(dev(fast, q, j) - dev(ref, q, j))).toBeLessThan(1e-9 * size);
	});

	it('a column 1e-25 below the others (a numerically dead unit): |ΔΣ_ij| ≤ 1e-6·√(Σ_ii Σ_jj) + 1e-36·tr Σ', () => {
		const n = 300;
		const d = 16;
		const Z = cloud(n, d, 6);
		for (let r = 0; r < n; r++) Z[r * d + 3] = 1e-25 * (Z[r * d + 3] - 5);
		const ref = covarianceOfCentred(centreRows(Z, n, d).centred, n, d);
		const C = covariance32(loadPoints32(Z, n, d, 8)!);
		let tr = 0;
		for (let i = 0; i < d; i++) tr += ref[i * d + i];
		for (let i = 0; i < d; i++) {
			for (let j = 0; j < d; j++) {
				const bound = 1e-6 * Math.sqrt(ref[i * d + i] * ref[j * d + j]) + 1e-36 * tr;
				expect(Math.abs(C[i * d + j] - ref[i * d + j])).toBeLessThan(bound);
			}
		}
	});

	it('is unavailable (null) below d = 8 or with the kernels disabled, so the reference runs', () => {
		expect(loadPoints32(cloud(50, 4, 1), 50, 4, 3)).toBeNull();
		disableWasmKernels(true);
		expect(loadPoints32(cloud(50, 16, 1), 50, 16, 3)).toBeNull();
	});
});

describe('probeSnapshot on float32 rows (the kernels find non-finite input from their own sums)', () => {
	for (const bad of [Number.NaN, Infinity, -Infinity]) {
		it(`${bad} at row 37, column 5 is reported with its position`, () => {
			const n = 200;
			const d = 16;
			const Z = cloud(n, d, 2);
			Z[37 * d + 5] = bad;
			expect(() => probeSnapshot(Z, n, d, { mode: 'fixed', beta: 1 }, null)).toThrow(/non-finite value .* at row 37, column 5/);
		});
	}
	it('the largest float32 values (3e38) are finite data, not an error', () => {
		const n = 100;
		const d = 8;
		const Z = cloud(n, d, 4);
		Z[3] = 3e38;
		expect(Number.isFinite(probeSnapshot(Z, n, d, { mode: 'fixed', beta: 1 }, null).result.trace)).toBe(true);
	});
});

import { afterEach, describe, expect, it } from 'vitest';
import { createRng } from '../random';
import { emStep } from './em-step';
import { freeEnergy } from './free-energy';
import { gaussianCloud } from './gaussian-cloud';
import { emStepKernel, freeEnergyKernel, loadPoints } from './mixture-fast';
import { probeSnapshot } from './probe-snapshot';
import { disableWasmKernels } from './wasm/wasm-kernels';

afterEach(() => disableWasmKernels(false));

describe('mixture kernels (WebAssembly SIMD) against the TypeScript reference', () => {
	for (const [n, d, K] of [
		[64, 8, 2],
		[103, 9, 3],
		[500, 33, 8],
		[1000, 128, 5]
	]) {
		it(`N ${n} × d ${d}, K ${K}: EM step and free energy equal to 1e-12 (relative)`, () => {
			const Z = Float64Array.from(gaussianCloud(n, Array.from({ length: d }, (_, i) => 2 / (1 + i)), n + d, { rotate: true }).Z);
			const rng = createRng(K);
			const M = Float64Array.from({ length: K * d }, () => 0.5 * rng.normal());
			const pts = loadPoints(Z, n, d, K)!;
			expect(pts).not.toBeNull();
			for (const beta of [0.3, 2, 20]) {
				const ref = emStep({ Z, n, d }, { prototypes: M, K, beta });
				const fast = emStepKernel(pts, M, beta, new Float64Array(K * d));
				for (let i = 0; i < K * d; i++) expect(Math.abs(fast[i] - ref[i])).toBeLessThan(1e-12 * (1 + Math.abs(ref[i])));
				const f0 = freeEnergy({ Z, n, d }, { prototypes: M, K, beta });
				expect(Math.abs(freeEnergyKernel(pts, M, beta) - f0)).toBeLessThan(1e-12 * Math.abs(f0));
			}
		});
	}

	it('a whole probe update on float64 rows is the same with and without the kernels (to 1e-9)', () => {
		const n = 700;
		const d = 40;
		const Z = Float64Array.from(gaussianCloud(n, Array.from({ length: d }, (_, i) => 3 / (1 + i)), 4, { rotate: true }).Z);
		const run = () => probeSnapshot(Z, n, d, { mode: 'fixed', beta: 0.7 }, null, { K: 6, emSteps: 8, seed: 3 }).result;
		const fast = run();
		disableWasmKernels(true);
		const ref = run();
		expect(fast.rho).toBeCloseTo(ref.rho, 12);
		expect(fast.effectiveRank).toBeCloseTo(ref.effectiveRank, 10);
		expect(fast.spread).toBeCloseTo(ref.spread, 9);
		expect(fast.freeEnergy).toBeCloseTo(ref.freeEnergy, 10);
		for (let i = 0; i < fast.prototypes.length; i++) expect(fast.prototypes[i]).toBeCloseTo(ref.prototypes[i], 9);
	});

	it('float32 rows (the float32 kernels): spectrum and ρ within the stated 1e-6 relative, EM and F to 1e-9', () => {
		const n = 700;
		const d = 40;
		const Z = Float32Array.from(gaussianCloud(n, Array.from({ length: d }, (_, i) => 3 / (1 + i)), 4, { rotate: true }).Z);
		const run = () => probeSnapshot(Z, n, d, { mode: 'fixed', beta: 0.7 }, null, { K: 6, emSteps: 8, seed: 3 }).result;
		const fast = run();
		disableWasmKernels(true);
		const ref = run();
		expect(Math.abs(fast.rho / ref.rho - 1)).toBeLessThan(1e-6);
		for (let i = 0; i < d; i++) expect(Math.abs(fast.spectrum[i] - ref.spectrum[i])).toBeLessThan(1e-6 * ref.lambda1);
		expect(Math.abs(fast.effectiveRank / ref.effectiveRank - 1)).toBeLessThan(1e-6);
		expect(fast.trace).toBeCloseTo(ref.trace, 12);
		expect(fast.freeEnergy).toBeCloseTo(ref.freeEnergy, 9);
		for (let i = 0; i < fast.prototypes.length; i++) expect(fast.prototypes[i]).toBeCloseTo(ref.prototypes[i], 9);
	});
});

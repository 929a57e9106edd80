// β(t) providers of docs/theory.md §3, each labelled in the result.
import { describe, expect, it } from 'vitest';
import { betaFromSpec, probeSnapshot, ProbeInputError, readoutRmsNorm } from './index';
import { gaussianCloud } from './gaussian-cloud';

describe('betaFromSpec', () => {
	const ctx = { d: 4, trace: 8 };
	it('fixed, kernel, residual, calibrated', () => {
		expect(betaFromSpec({ mode: 'fixed', beta: 0.3 }, ctx)).toBe(0.3);
		expect(betaFromSpec({ mode: 'kernel', tau: 0.1 }, ctx)).toBeCloseTo(10, 12);
		expect(betaFromSpec({ mode: 'residual', mse: 0.5 }, ctx)).toBeCloseTo(8, 12);
		expect(betaFromSpec({ mode: 'calibrated', betaTilde: 2 }, ctx)).toBeCloseTo(0.25, 12);
	});

	it('readout: ‖W_c‖_rms / √(tr Cov h), W centred over classes', () => {
		// Rows (1,0,0,0), (−1,0,0,0), (0,2,0,0) + a common offset that centring must remove.
		const W = new Float64Array([6, 5, 5, 5, 4, 5, 5, 5, 5, 7, 5, 5]);
		// Centred rows: (1,−2/3,0,0), (−1,−2/3,0,0), (0,4/3,0,0) → mean square norm (13/9 + 13/9 + 16/9)/3 = 14/9.
		expect(readoutRmsNorm(W, 3, 4)).toBeCloseTo(Math.sqrt(14 / 9), 12);
		expect(betaFromSpec({ mode: 'readout', W, classes: 3 }, ctx)).toBeCloseTo(Math.sqrt(14 / 9) / Math.sqrt(8), 12);
	});

	it('rejects malformed specs with one clear line', () => {
		expect(() => betaFromSpec({ mode: 'kernel', tau: 0 }, ctx)).toThrow(/tau must be a positive/);
		expect(() => betaFromSpec({ mode: 'residual', mse: -1 }, ctx)).toThrow(ProbeInputError);
		expect(() => betaFromSpec({ mode: 'fixed', beta: NaN }, ctx)).toThrow(/beta/);
		expect(() => betaFromSpec({ mode: 'readout', W: new Float64Array(7), classes: 2 }, ctx)).toThrow(
			/expected classes × d = 2 × 4 = 8/
		);
	});
});

describe('probeSnapshot with each provider', () => {
	const n = 500;
	const d = 6;
	const { Z } = gaussianCloud(n, [5, 2, 1, 1, 0.5, 0.5], 2, { rotate: true, mean: [1, 2, 3, 4, 5, 6] });

	it('readout: ρ = ‖W_c‖_rms·λ1/√(tr Cov h)', () => {
		const W = gaussianCloud(4, [1, 1, 1, 1, 1, 1], 3).Z;
		const { result } = probeSnapshot(Z, n, d, { mode: 'readout', W, classes: 4 }, null);
		expect(result.betaMode).toBe('readout');
		expect(result.rho).toBeCloseTo((readoutRmsNorm(W, 4, d) * result.lambda1) / Math.sqrt(result.trace), 12);
	});

	it('residual: ρ = d·λ1/MSE', () => {
		const { result } = probeSnapshot(Z, n, d, { mode: 'residual', mse: 3 }, null);
		expect(result.betaMode).toBe('residual');
		expect(result.rho).toBeCloseTo((d * result.lambda1) / 3, 12);
	});

	it('calibrated is scale-free: ρ unchanged when the hidden states are rescaled', () => {
		const a = probeSnapshot(Z, n, d, { mode: 'calibrated', betaTilde: 3 }, null).result;
		const b = probeSnapshot(Z.map((x) => 7 * x), n, d, { mode: 'calibrated', betaTilde: 3 }, null).result;
		expect(a.betaMode).toBe('calibrated');
		expect(b.rho).toBeCloseTo(a.rho, 10);
		expect(b.lambda1).toBeCloseTo(49 * a.lambda1, 8);
	});

	it('kernel works on L2-normalised rows: ρ = λ1(Cov u)/τ, trace ≤ 1, unchanged by row scaling', () => {
		const a = probeSnapshot(Z, n, d, { mode: 'kernel', tau: 0.1 }, null).result;
		const scaled = Z.map((x, i) => x * (1 + (Math.floor(i / d) % 5)));
		const b = probeSnapshot(scaled, n, d, { mode: 'kernel', tau: 0.1 }, null).result;
		expect(a.betaMode).toBe('kernel');
		expect(a.rho).toBeCloseTo(a.lambda1 / 0.1, 12);
		expect(a.trace).toBeLessThanOrEqual(1 + 1e-12);
		expect(b.rho).toBeCloseTo(a.rho, 10);
	});
});

import { describe, expect, it } from 'vitest';
import { codesRho, encoderReadoutRho, leadingVariance, residualRho } from './sae-beta';
import { evalSchedule, settleStepOf } from './sae-lottery-run';

describe('SAE β candidates', () => {
	// The reference cloud of docs/theory.md §7: λ1 = 4.703257409548815, tr Σ = 19/3.
	const pts = new Float32Array([3, 1, -3, -1, 1, -2, -1, 2, 2, 0, -2, 0]);

	it('λ1 and the trace of the reference cloud', () => {
		const v = leadingVariance(pts, 6, 2);
		expect(v.lambda1).toBeCloseTo(4.703257409548815, 6);
		expect(v.trace).toBeCloseTo(19 / 3, 6);
	});

	it('encoder-readout ρ = ‖W_c‖_rms·λ1/√tr on a hand-computed encoder', () => {
		// d = 2, m = 2 atoms with encoder rows (1, 0) and (−1, 0): centred rows ±(1, 0), rms norm 1.
		const We = new Float32Array([1, -1, 0, 0]); // d×m row-major
		const x = { lambda1: 4, trace: 9 };
		expect(encoderReadoutRho(We, 2, 2, x)).toBeCloseTo(4 / 3, 12);
		// Equal rows centre to zero: no readout structure, ρ = 0.
		expect(encoderReadoutRho(new Float32Array([1, 1, 2, 2]), 2, 2, x)).toBeCloseTo(0, 12);
	});

	it('codes ρ = d·λ1(Cov z)/MSE and residual ρ = d·λ1(Cov x)/MSE', () => {
		const { rho, lambda1 } = codesRho(pts, 6, 2, 4, 2);
		expect(lambda1).toBeCloseTo(4.703257409548815, 6);
		expect(rho).toBeCloseTo((4 * 4.703257409548815) / 2, 5);
		expect(residualRho(32, 0.5, 4)).toBe(4);
	});
});

describe('lottery run schedule', () => {
	it('evaluation steps include 0, the early steps and the end, sorted and distinct', () => {
		expect(evalSchedule(300, 100, [15, 100, 30])).toEqual([0, 15, 30, 100, 200, 300]);
	});
	it('the ranking settles at the first step whose Spearman to the final purity reaches 0.9', () => {
		expect(settleStepOf([0, 10, 20, 30], [0.1, 0.95, 0.8, 1])).toBe(10);
		expect(settleStepOf([0, 10], [0.1, 0.5], 0.9)).toBeNull();
	});
});

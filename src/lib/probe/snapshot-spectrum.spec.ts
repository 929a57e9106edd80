// The three spectrum routes agree with each other; scale invariance; overflow is named as such.
import { describe, expect, it } from 'vitest';
import { centreRows, gaussianCloud, probeSnapshot, ProbeInputError, symmetricEigen, covariance } from './index';
import { snapshotSpectrum, DENSE_MAX_D } from './snapshot-spectrum';

function cloud(n: number, d: number, seed: number) {
	const variances = Array.from({ length: d }, (_, i) => 1 / (1 + i) + 0.01);
	return Float64Array.from(gaussianCloud(n, variances, seed, { rotate: false }).Z);
}

describe('snapshotSpectrum', () => {
	it('wide data, few points (Gram route) = dense spectrum of the covariance', () => {
		const n = 40;
		const d = DENSE_MAX_D + 88;
		const Z = cloud(n, d, 3);
		const { centred } = centreRows(Z, n, d);
		const s = snapshotSpectrum(centred, n, d, 6);
		expect(s.method).toBe('gram');
		expect(s.complete).toBe(true);
		const dense = symmetricEigen(covariance(Z, n, d).cov, d, 6);
		for (let i = 0; i < 6; i++) expect(s.values[i]).toBeCloseTo(dense.values[i], 9);
		// v1 is a unit eigenvector: |v1 · dense v1| = 1.
		let dot = 0;
		for (let j = 0; j < d; j++) dot += s.vectors[j] * dense.vectors[j];
		expect(Math.abs(dot)).toBeCloseTo(1, 8);
	});

	it('fewer points than dimensions below the dense width (Gram route) = dense spectrum, effective rank included', () => {
		const n = 64;
		const d = 200;
		const Z = cloud(n, d, 7);
		const { centred } = centreRows(Z, n, d);
		const s = snapshotSpectrum(centred, n, d, 8);
		expect(s.method).toBe('gram');
		expect(s.complete).toBe(true);
		const dense = symmetricEigen(covariance(Z, n, d).cov, d, 8);
		for (let i = 0; i < 8; i++) expect(s.values[i]).toBeCloseTo(dense.values[i], 9);
		// Every non-zero eigenvalue is there: the sum is tr Σ.
		const sum = Array.from(s.spectrum).reduce((a, b) => a + b, 0);
		expect(sum).toBeCloseTo(s.trace, 9);
	});

	it('wide data, many points (Lanczos route) = dense top eigenvalues', () => {
		const n = 1100;
		const d = DENSE_MAX_D + 40;
		const Z = cloud(n, d, 5);
		const { centred } = centreRows(Z, n, d);
		const s = snapshotSpectrum(centred, n, d, 8);
		expect(s.method).toBe('lanczos');
		expect(s.complete).toBe(false);
		const dense = symmetricEigen(covariance(Z, n, d).cov, d, 1).values;
		for (let i = 0; i < 8; i++) expect(Math.abs(s.values[i] - dense[i])).toBeLessThan(1e-8 * dense[0]);
	});

	it('data scaled by 1e150 gives the same ρ, spread and collapse verdict as the data itself', () => {
		const n = 400;
		const d = 5;
		const Z = cloud(n, d, 7);
		const big = Z.map((x) => x * 1e150);
		const a = probeSnapshot(Z, n, d, { mode: 'calibrated', betaTilde: 3 }, null, { K: 3, converge: true }).result;
		const b = probeSnapshot(big, n, d, { mode: 'calibrated', betaTilde: 3 }, null, { K: 3, converge: true }).result;
		expect(b.rho).toBeCloseTo(a.rho, 9);
		expect(b.lambda1 / 1e300).toBeCloseTo(a.lambda1, 9);
		expect(b.effectiveRank).toBeCloseTo(a.effectiveRank, 9);
		expect(b.collapseWarning).toBe(a.collapseWarning);
		expect(b.collapseWarning).toBe(false);
		expect(b.spread).toBeCloseTo(a.spread, 6);
	});

	it('values near 1e300: the variance overflows, and the error says so (kind "overflow")', () => {
		const n = 50;
		const d = 3;
		const Z = cloud(n, d, 9).map((x) => x * 1e300);
		let err: unknown = null;
		try {
			probeSnapshot(Z, n, d, { mode: 'fixed', beta: 1 }, null);
		} catch (e) {
			err = e;
		}
		expect(err).toBeInstanceOf(ProbeInputError);
		expect((err as ProbeInputError).kind).toBe('overflow');
		expect((err as Error).message).toMatch(/variance overflows/);
	});

	it('a NaN is kind "non-finite"', () => {
		const Z = new Float64Array([1, 2, NaN, 4, 5, 6]);
		expect(() => probeSnapshot(Z, 3, 2, { mode: 'fixed', beta: 1 }, null)).toThrow(
			expect.objectContaining({ kind: 'non-finite' })
		);
	});
});

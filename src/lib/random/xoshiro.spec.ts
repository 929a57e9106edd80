import { describe, expect, it } from 'vitest';
import { GaussianSource, Xoshiro128 } from './xoshiro';

describe('Xoshiro128', () => {
	it('is reproducible per seed and differs between seeds', () => {
		const a = new Xoshiro128(42);
		const b = new Xoshiro128(42);
		const c = new Xoshiro128(43);
		const seqA = Array.from({ length: 8 }, () => a.nextUint32());
		const seqB = Array.from({ length: 8 }, () => b.nextUint32());
		const seqC = Array.from({ length: 8 }, () => c.nextUint32());
		expect(seqA).toEqual(seqB);
		expect(seqA).not.toEqual(seqC);
	});

	it('gives uniforms in (0, 1) with mean 1/2 and variance 1/12', () => {
		const u = new Xoshiro128(1);
		const n = 200_000;
		let sum = 0;
		let sumSq = 0;
		let outside = 0;
		for (let i = 0; i < n; i++) {
			const x = u.nextDouble();
			if (!(x > 0 && x < 1)) outside++;
			sum += x;
			sumSq += x * x;
		}
		expect(outside).toBe(0);
		const mean = sum / n;
		expect(Math.abs(mean - 0.5)).toBeLessThan(0.003);
		expect(Math.abs(sumSq / n - mean * mean - 1 / 12)).toBeLessThan(0.002);
	});
});

/** Standard normal CDF via the Abramowitz–Stegun 7.1.26 erf approximation (|error| < 1.5e-7). */
function normalCdf(x: number): number {
	const z = Math.abs(x) / Math.SQRT2;
	const t = 1 / (1 + 0.3275911 * z);
	const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
	const erf = 1 - poly * Math.exp(-z * z);
	return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

describe('GaussianSource (ziggurat)', () => {
	it('fill() gives the same stream as next()', () => {
		const a = new GaussianSource(9);
		const b = new GaussianSource(9);
		const filled = new Float64Array(5000);
		a.fill(filled, 5000);
		for (let i = 0; i < 5000; i++) expect(b.next()).toBe(filled[i]);
	});

	it('has the moments and CDF of N(0, 1), tails included', () => {
		const n = 1_000_000;
		const x = new Float64Array(n);
		new GaussianSource(2024).fill(x, n);
		let m1 = 0;
		let m2 = 0;
		let m4 = 0;
		for (let i = 0; i < n; i++) {
			m1 += x[i];
			m2 += x[i] ** 2;
			m4 += x[i] ** 4;
		}
		// Standard errors: 1e-3 (mean), 1.4e-3 (variance), 1e-2 (fourth moment); allow ~4 of them.
		expect(Math.abs(m1 / n)).toBeLessThan(0.004);
		expect(Math.abs(m2 / n - 1)).toBeLessThan(0.006);
		expect(Math.abs(m4 / n - 3)).toBeLessThan(0.04);
		for (const p of [-3.5, -2, -1, -0.3, 0, 0.7, 1.5, 2.5, 3.8]) {
			let below = 0;
			for (let i = 0; i < n; i++) if (x[i] < p) below++;
			const expected = normalCdf(p);
			const se = Math.sqrt((expected * (1 - expected)) / n);
			expect(Math.abs(below / n - expected)).toBeLessThan(5 * se + 1e-6);
		}
		// Beyond the ziggurat's base (R ≈ 3.44) only the tail algorithm produces values.
		let beyond = 0;
		for (let i = 0; i < n; i++) if (Math.abs(x[i]) > 3.6) beyond++;
		const expectedBeyond = 2 * (1 - normalCdf(3.6)) * n;
		expect(Math.abs(beyond - expectedBeyond)).toBeLessThan(5 * Math.sqrt(expectedBeyond));
	});
});

import { describe, expect, it } from 'vitest';
import { atomPurity, cosineMatches, modalShare, purityBaseline } from './purity';

/** Codes for n samples and m atoms from a function (sample, atom) → activation. */
function codes(n: number, m: number, f: (i: number, j: number) => number): Float32Array {
	const Z = new Float32Array(n * m);
	for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) Z[i * m + j] = f(i, j);
	return Z;
}

describe('atom purity', () => {
	const n = 400;
	// Labels cycle 0..3.
	const labels = Int16Array.from({ length: n }, (_, i) => i % 4);

	it('is 1 for an atom firing only on one label, 0.5 for two labels, 0.25 for all four', () => {
		const Z = codes(n, 3, (i, j) => {
			if (j === 0) return labels[i] === 2 ? 1 + i / n : 0;
			if (j === 1) return labels[i] < 2 ? 1 : 0;
			return 1;
		});
		const { purity, alive } = atomPurity(Z, n, 3, labels, 50);
		expect(purity[0]).toBe(1);
		expect(purity[1]).toBe(0.5);
		expect(purity[2]).toBeCloseTo(0.26, 1);
		expect(Array.from(alive)).toEqual([1, 1, 1]);
	});

	it('ranks by activation: only the top 50 count', () => {
		// Strongest 50 activations on label 1, weaker ones on the other labels.
		const Z = codes(n, 1, (i) => (labels[i] === 1 && i < 200 ? 10 : 1));
		expect(atomPurity(Z, n, 1, labels, 50).purity[0]).toBe(1);
	});

	it('calls an atom with fewer than 10 activations dead (NaN purity)', () => {
		const Z = codes(n, 1, (i) => (i < 9 ? 1 : 0));
		const r = atomPurity(Z, n, 1, labels, 50);
		expect(r.alive[0]).toBe(0);
		expect(Number.isNaN(r.purity[0])).toBe(true);
		expect(r.activeCount[0]).toBe(9);
	});

	it('has a chance baseline near the modal share of random subsets', () => {
		const b = purityBaseline(labels, 1, 50, 400);
		// Four equally likely labels: the modal share of 50 draws is a bit above 1/4.
		expect(b).toBeGreaterThan(0.26);
		expect(b).toBeLessThan(0.4);
		expect(modalShare([0, 4, 8, 1], labels)).toBe(0.75);
	});

	it('matches decoder rows to features by |cos| and averages the best match per feature (MMCS)', () => {
		const F = Float32Array.from([1, 0, 0, 1]); // e1, e2
		const D = Float32Array.from([-1, 0, Math.SQRT1_2, Math.SQRT1_2, 0, 2]); // −e1, diagonal, 2·e2 (not unit)
		const { maxCos, mmcs } = cosineMatches(D, 3, F, 2, 2);
		expect(maxCos[0]).toBeCloseTo(1, 6);
		expect(maxCos[1]).toBeCloseTo(Math.SQRT1_2, 6);
		expect(maxCos[2]).toBeCloseTo(1, 6);
		expect(mmcs).toBeCloseTo(1, 6);
	});

	it('rejects mismatched shapes', () => {
		expect(() => atomPurity(new Float32Array(5), 2, 3, [0, 1])).toThrow(/expected 2×3/);
	});
});

describe('purity from top-k', () => {
	it('agrees with the JS reference on random codes', async () => {
		const { atomPurity, purityFromTop } = await import('./purity');
		const n = 300;
		const m = 6;
		const k = 50;
		let s = 1;
		const rand = () => ((s = (s * 16807) % 2147483647) / 2147483647);
		const labels = Int16Array.from({ length: n }, () => Math.floor(rand() * 5));
		const Z = Float32Array.from({ length: n * m }, (_, i) => (rand() < (i % m) / 8 ? rand() : 0));
		const ref = atomPurity(Z, n, m, labels, k);
		const topIdx = new Int32Array(m * k);
		const topVal = new Float32Array(m * k);
		for (let j = 0; j < m; j++) {
			const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => Z[b * m + j] - Z[a * m + j]);
			for (let r = 0; r < k; r++) {
				topIdx[j * k + r] = order[r];
				topVal[j * k + r] = Z[order[r] * m + j];
			}
		}
		const got = purityFromTop(topIdx, topVal, k, ref.activeCount, labels);
		expect(Array.from(got.alive)).toEqual(Array.from(ref.alive));
		expect(Array.from(got.purity)).toEqual(Array.from(ref.purity));
		expect(ref.alive[0]).toBe(0); // atom 0 never fires
	});
});

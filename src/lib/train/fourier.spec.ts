import { describe, expect, it } from 'vitest';
import { dominantFrequency, FourierBasis, frequencyCount, keyFrequencyCount } from './fourier';

const wave = (p: number, terms: { k: number; amp: number; phase: number }[], offset = 0) =>
	Float64Array.from({ length: p }, (_, a) => offset + terms.reduce((s, t) => s + t.amp * Math.cos((2 * Math.PI * t.k * a) / p + t.phase), 0));

describe('Fourier power on Z_p', () => {
	it('puts a cosine’s power (amp·p/2)² at its exact frequency, whatever its phase, and nothing elsewhere', () => {
		for (const p of [31, 59]) {
			const basis = new FourierBasis(p);
			expect(basis.K).toBe(frequencyCount(p));
			for (const phase of [0, 0.7, -2.1]) {
				const f = wave(p, [{ k: 5, amp: 3, phase }], 4.2);
				const pw = basis.power(f);
				expect(pw[4]).toBeCloseTo(((3 * p) / 2) ** 2, 6);
				for (let k = 1; k <= basis.K; k++) if (k !== 5) expect(pw[k - 1]).toBeLessThan(1e-9);
				expect(dominantFrequency(pw)).toBe(5);
			}
		}
	});

	it('separates two frequencies with their own amplitudes; the 90% count follows the power shares', () => {
		const p = 59;
		const basis = new FourierBasis(p);
		const pw = basis.power(wave(p, [{ k: 7, amp: 2, phase: 1 }, { k: 20, amp: 1, phase: -0.3 }]));
		expect(pw[6] / pw[19]).toBeCloseTo(4, 8);
		expect(dominantFrequency(pw)).toBe(7);
		// 80% / 20%: one frequency holds < 90%, two hold all of it.
		expect(keyFrequencyCount(pw)).toBe(2);
		expect(keyFrequencyCount(pw, 0.75)).toBe(1);
	});

	it('handles the Nyquist frequency of an even p (a real cosine, power p²) and sums columns with a stride', () => {
		const p = 10;
		const basis = new FourierBasis(p);
		const alt = Float64Array.from({ length: p }, (_, a) => (a % 2 ? -1 : 1));
		expect(basis.power(alt)[4]).toBeCloseTo(p * p, 9);
		// Two interleaved columns (stride 2): a k = 1 cosine and a k = 3 sine.
		const m = new Float64Array(2 * p);
		for (let a = 0; a < p; a++) {
			m[2 * a] = Math.cos((2 * Math.PI * a) / p);
			m[2 * a + 1] = Math.sin((2 * Math.PI * 3 * a) / p);
		}
		const out = new Float64Array(basis.K);
		basis.addPower(m, 0, 2, out);
		basis.addPower(m, 1, 2, out);
		expect(out[0]).toBeCloseTo(25, 9);
		expect(out[2]).toBeCloseTo(25, 9);
		expect(out[1] + out[3] + out[4]).toBeLessThan(1e-9);
	});

	it('counts 0 key frequencies for a constant and the whole band for white-ish noise', () => {
		const basis = new FourierBasis(31);
		expect(keyFrequencyCount(basis.power(new Float64Array(31).fill(2)))).toBe(0);
		const flat = new Float64Array(15).fill(1);
		expect(keyFrequencyCount(flat)).toBe(14); // 14/15 = 93% ≥ 90%, 13/15 = 87% < 90%
	});

	it('rejects a bad p', () => {
		expect(() => new FourierBasis(1)).toThrow(/p must be/);
	});
});

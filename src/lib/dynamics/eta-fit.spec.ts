import { describe, expect, it } from 'vitest';
import { fitPlateauEta, plateauEscapeAtEta } from './eta-fit';

describe('fitPlateauEta', () => {
	it('inverts the plateau escape time: the spec reference η = 0.011, σ = 1e-5 escapes at ~594', () => {
		// 599 in the spec includes the cubic-saturation term (+4.3); the figure draws the linearised formula.
		expect(plateauEscapeAtEta(0.011, 1e-5)).toBeCloseTo(594, -1);
		const eta = fitPlateauEta(plateauEscapeAtEta(0.011, 1e-5)!, 1e-5)!;
		expect(eta).toBeCloseTo(0.011, 8);
		const slow = fitPlateauEta(plateauEscapeAtEta(0.001, 1e-5)!, 1e-5)!;
		expect(slow).toBeCloseTo(0.001, 9);
	});

	it('a longer delay means a slower drive (smaller η)', () => {
		const etas = [200, 800, 3300].map((d) => fitPlateauEta(d, 1e-5)!);
		expect(etas[0]).toBeGreaterThan(etas[1]);
		expect(etas[1]).toBeGreaterThan(etas[2]);
		for (const [i, d] of [200, 800, 3300].entries()) expect(plateauEscapeAtEta(etas[i], 1e-5)).toBeCloseTo(d, 6);
	});

	it('is null for delays it cannot produce and bad input', () => {
		expect(fitPlateauEta(0, 1e-5)).toBeNull();
		expect(fitPlateauEta(-3, 1e-5)).toBeNull();
		expect(fitPlateauEta(100, 0)).toBeNull();
		expect(fitPlateauEta(1e-3, 1e-5)).toBeNull(); // faster than any η in the bracket
	});
});

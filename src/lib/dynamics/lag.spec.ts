import { describe, expect, it } from 'vitest';
import { escapeLag } from './lag';
import { plateauEscapeTime } from './predictions';

describe('escapeLag', () => {
	it('ramp with a stable start: (t_esc − t_start) / (t_cross − t_start)', () => {
		const lag = escapeLag({ kind: 'ramp', epsilon: 0.01, t0: -20 }, 40);
		expect(lag?.kind).toBe('ratio-to-crossing');
		expect(lag?.value).toBeCloseTo(3, 12);
		expect(lag?.crossingTime).toBe(0);
		expect(lag?.delayAfterCrossing).toBe(40);
	});

	it('plateau: escape time in probe e-folding times 1/μ0', () => {
		const lag = escapeLag({ kind: 'plateau', mu0: 0.011 }, 594);
		expect(lag?.kind).toBe('probe-e-foldings');
		expect(lag?.value).toBeCloseTo(594 * 0.011, 10);
		expect(lag?.referenceTime).toBeCloseTo(1 / 0.011, 10);
	});

	// With noise the formula does not truly diverge as η → 0+: it tends to the diffusive time a_th²/(0.4549 σ²)
	// (and with a_th = 0.3√η even back to 0), but over any realistic range of γ it climbs steeply.
	it('plateau lag of the §5 prediction rises steeply as the net growth rate η = μ0 − γ shrinks', () => {
		const mu0 = 0.011;
		const values = [0, 0.005, 0.008, 0.01, 0.0109].map((gamma) => {
			const eta = mu0 - gamma;
			const t = plateauEscapeTime(eta, 1e-5, 0.3 * Math.sqrt(eta)) as number;
			return escapeLag({ kind: 'plateau', mu0 }, t)?.value as number;
		});
		for (let k = 1; k < values.length; k++) expect(values[k]).toBeGreaterThan(values[k - 1]);
		expect(values[4]).toBeGreaterThan(20 * values[0]);
	});

	it('is null when μ never reaches 0 and Infinity when the escape never happens', () => {
		expect(escapeLag({ kind: 'plateau', mu0: -0.01 }, 10)).toBeNull();
		expect(escapeLag({ kind: 'ramp', epsilon: 0.01, t0: -10 }, Infinity)?.value).toBe(Infinity);
	});
});

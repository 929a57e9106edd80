import { describe, expect, it } from 'vitest';
import { drawCoefficients, featureProbabilities, makeFeatures, sampleSae } from './sae-data';
import { Rng } from './seeded';

describe('SAE data variants', () => {
	const f = makeFeatures(8, 16, 1);

	it('Zipf-like frequencies keep the mean firing probability and fall as 1/g', () => {
		const p = featureProbabilities(16, 0.04, 'zipf');
		const mean = p.reduce((s, x) => s + x, 0) / 16;
		expect(mean).toBeCloseTo(0.04, 10);
		expect(p[0] / p[3]).toBeCloseTo(4, 10);
	});

	it('magnitudes and correlated groups behave as documented', () => {
		const G = 16;
		const draws = 20000;
		const coef = new Float64Array(G);
		const p = featureProbabilities(G, 0.1);
		const rng = new Rng(3);
		let fire0 = 0;
		let both01 = 0;
		let both04 = 0;
		for (let t = 0; t < draws; t++) {
			drawCoefficients(coef, p, { groupSize: 4 }, rng);
			if (coef[0] > 0) fire0++;
			if (coef[0] > 0 && coef[1] > 0) both01++;
			if (coef[0] > 0 && coef[4] > 0) both04++;
		}
		// Each feature still fires with probability q; same-group pairs co-fire 0.2·0.25 = 0.05, different groups 0.01.
		expect(fire0 / draws).toBeCloseTo(0.1, 1);
		expect(both01 / draws).toBeGreaterThan(0.04);
		expect(both04 / draws).toBeLessThan(0.02);
		const mags = (magnitude: 'exponential' | 'bounded') => {
			const out: number[] = [];
			for (let t = 0; t < 2000; t++) {
				drawCoefficients(coef, p, { magnitude }, rng);
				for (const c of coef) if (c > 0) out.push(c);
			}
			return out;
		};
		const b = mags('bounded');
		expect(Math.min(...b)).toBeGreaterThanOrEqual(0.5);
		const e = mags('exponential');
		expect(e.reduce((s, x) => s + x, 0) / e.length).toBeCloseTo(0.5, 1);
		expect(Math.max(...e)).toBeGreaterThan(1.5);
	});

	it('the default options reproduce the original generator draw for draw', () => {
		const a = sampleSae(f, 0.05, 500, new Rng(7));
		const b = sampleSae(f, 0.05, 500, new Rng(7), false, { frequency: 'uniform', magnitude: 'uniform', groupSize: 0 });
		expect(Array.from(b.x)).toEqual(Array.from(a.x));
	});
});

import { describe, expect, it } from 'vitest';
import { makeCloud } from '$lib/clouds/make-cloud';
import { cloudStats } from '$lib/theory/cloud-stats';
import { cascadeAt, cascadeData } from './cascade-data';

describe('cascade figure data', () => {
	it('splits first near 1/λ1, then near the per-cluster prediction, ending with four prototypes', () => {
		for (const seed of [1, 2, 3]) {
			const Z = makeCloud('four-blobs', { n: 320, sep: 3.5, seed });
			const st = cloudStats(Z, 320, 2);
			const cloud = { Z, n: 320, d: 2 };
			const d = cascadeData(cloud, { K: 4, betaC: st.betaC, seed });
			expect(d.firstSplit).not.toBeNull();
			expect((d.firstSplit as number) / st.betaC).toBeGreaterThan(0.98);
			expect((d.firstSplit as number) / st.betaC).toBeLessThan(1.12); // one grid step is 7.5%
			expect(d.secondThreshold).not.toBeNull();
			expect((d.secondSplit as number) / (d.secondThreshold as number)).toBeGreaterThan(0.97);
			expect((d.secondSplit as number) / (d.secondThreshold as number)).toBeLessThan(1.12);
			expect(d.steps[d.steps.length - 1].kEff).toBe(4);
			expect(cascadeAt(d, cloud, { K: 4, beta: 0.5 * st.betaC, trace: st.trace, seed }).kEff).toBe(1);
			expect(cascadeAt(d, cloud, { K: 4, beta: 1.5 * st.betaC, trace: st.trace, seed }).kEff).toBe(2);
			expect(cascadeAt(d, cloud, { K: 4, beta: 1.3 * (d.secondSplit as number), trace: st.trace, seed }).kEff).toBe(4);
		}
	});
});

// The lab's live probe: a fixed subsample of the probe points, and the Hessian at the current prototypes.
import { describe, expect, it } from 'vitest';
import { gaussianCloud, probeSnapshot } from '../../probe/index';
import { withLiveProbe, LIVE_PROBE_ROWS } from './live-probe';
import { getPreset } from '../presets';
import { probeRowSubsample, runProbe } from '../snapshot';
import type { Evaluation } from '../trainer';

function evaluation(n: number, d: number): Evaluation {
	const Z = Float32Array.from(gaussianCloud(n, Array.from({ length: d }, (_, i) => 2 / (1 + i)), 3, { rotate: true }).Z);
	return {
		metrics: { kind: 'sae' } as unknown as Evaluation['metrics'],
		Z,
		n,
		d,
		betaSpec: { mode: 'fixed', beta: 0.3 },
		labels: new Int16Array(n),
		isTrain: null,
		wt: null
	};
}

describe('live probe', () => {
	it('withLiveProbe adds the subsample size and the Hessian at the state, and keeps an explicit setting', () => {
		const c = getPreset('grokking-59', 'grokking').config;
		expect(c.probeRows).toBeUndefined();
		const live = withLiveProbe(c);
		expect(live.probeRows).toBe(LIVE_PROBE_ROWS);
		expect(live.hessianAtState).toBe(true);
		expect(withLiveProbe({ ...c, probeRows: 100 }).probeRows).toBe(100);
	});

	it('the subsample is fixed per seed, sorted, distinct, and of the requested size', () => {
		const a = probeRowSubsample(1000, 200, 7);
		expect(Array.from(a)).toEqual(Array.from(probeRowSubsample(1000, 200, 7)));
		expect(Array.from(a)).not.toEqual(Array.from(probeRowSubsample(1000, 200, 8)));
		expect(new Set(a).size).toBe(200);
		for (let i = 1; i < a.length; i++) expect(a[i]).toBeGreaterThan(a[i - 1]);
		expect(probeRowSubsample(50, 200, 7)).toHaveLength(50);
	});

	it('runProbe reads only the subsample (same numbers as the probe on those rows) and posts the Hessian at the state', () => {
		const n = 900;
		const d = 6;
		const ev = evaluation(n, d);
		const config = { probeEvery: 1, probeK: 4, emSteps: 5, displayPoints: 50, topK: 4, probeRows: 300, hessianAtState: true };
		const display = Int32Array.from({ length: 50 }, (_, i) => i);
		const up = runProbe(ev, null, config, display, 0, 11);
		expect(up.summary.probeRows).toBe(300);
		const rows = probeRowSubsample(n, 300, 11);
		const Zs = new Float32Array(300 * d);
		rows.forEach((r, i) => Zs.set(ev.Z.subarray(r * d, r * d + d), i * d));
		const direct = probeSnapshot(Zs, 300, d, ev.betaSpec, null, { K: 4, emSteps: 5, topK: 4, seed: 11 }).result;
		expect(up.summary.rho).toBeCloseTo(direct.rho, 12);
		// Near the symmetric start the Hessian at the state is the closed form h₁ = (1 − ρ)/K (ρ < 1 here).
		expect(up.summary.rho).toBeLessThan(1);
		expect(up.summary.hessianAtState).not.toBeNull();
		expect(Math.abs(up.summary.hessianAtState! - up.summary.hessianMin)).toBeLessThan(1e-4 * Math.abs(up.summary.hessianMin) + 1e-9);
		// Without the options: every point, no Hessian at the state.
		const plain = runProbe(ev, null, { ...config, probeRows: undefined, hessianAtState: false }, display, 0, 11);
		expect(plain.summary.probeRows).toBe(n);
		expect(plain.summary.hessianAtState).toBeNull();
	});
});

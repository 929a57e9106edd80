// The live update: warm start across snapshots, determinism, collapse warning, input checks.
import { describe, expect, it } from 'vitest';
import { analyseTrajectory, createProbeState, probeSnapshot, ProbeInputError, type ProbeState } from './index';
import { gaussianCloud } from './gaussian-cloud';

const d = 8;
const n = 400;
const variances = (a: number) => [a, 1, 1, 1, 1, 1, 1, 1];

describe('probeSnapshot over a run', () => {
	// λ1 grows from 0.5 to 4 over 40 snapshots at fixed β = 0.5: ρ crosses 1 near λ1 = 2.
	function run(seed: number) {
		let state: ProbeState = createProbeState(d, 8, seed);
		const rows = [];
		for (let t = 0; t < 40; t++) {
			const { Z } = gaussianCloud(n, variances(0.5 + (3.5 * t) / 39), 100 + t, { rotate: false });
			const out = probeSnapshot(Z, n, d, { mode: 'fixed', beta: 0.5 }, state);
			state = out.state;
			rows.push(out.result);
		}
		return { rows, state };
	}
	const a = run(1);

	it('is deterministic for a seed, and the jitter stream depends on it', () => {
		const b = run(1);
		expect(Array.from(b.state.prototypes!)).toEqual(Array.from(a.state.prototypes!));
		const c = run(2);
		expect(Array.from(c.state.prototypes!)).not.toEqual(Array.from(a.state.prototypes!));
		expect(a.state.snapshots).toBe(40);
	});

	it('warm-started 5-step EM escapes after the crossing and the events follow', () => {
		const points = a.rows.map((r, t) => ({ step: t, ...r }));
		const events = analyseTrajectory(points);
		expect(events.onset).not.toBeNull();
		expect(events.escape).not.toBeNull();
		expect(events.escape!).toBeGreaterThan(events.onset!);
		expect(a.rows.at(-1)!.kEff).toBeGreaterThan(1);
		expect(a.rows.at(-1)!.projV1 / a.rows.at(-1)!.spread).toBeGreaterThan(0.9);
		expect(a.rows[0].emIterations).toBe(5);
		expect(a.rows[0].spread).toBeLessThan(1e-5);
	});

	it('does not modify the given state, and a K or d mismatch starts fresh', () => {
		const { Z } = gaussianCloud(n, variances(3), 1);
		const frozen = Float64Array.from(a.state.prototypes!);
		probeSnapshot(Z, n, d, { mode: 'fixed', beta: 0.5 }, a.state);
		expect(Array.from(a.state.prototypes!)).toEqual(Array.from(frozen));
		const fresh = probeSnapshot(Z, n, d, { mode: 'fixed', beta: 0.5 }, a.state, { K: 3 });
		expect(fresh.result.K).toBe(3);
		expect(fresh.state.snapshots).toBe(1);
	});

	it('collapse warning when the trace falls below 10% of its running max', () => {
		let state = createProbeState(d, 4);
		const big = gaussianCloud(n, variances(1), 1).Z;
		state = probeSnapshot(big, n, d, { mode: 'fixed', beta: 0.1 }, state).state;
		const small = big.map((x) => x * 0.3); // trace × 0.09
		const r = probeSnapshot(small, n, d, { mode: 'fixed', beta: 0.1 }, state).result;
		expect(r.collapseWarning).toBe(true);
		expect(probeSnapshot(big, n, d, { mode: 'fixed', beta: 0.1 }, state).result.collapseWarning).toBe(false);
	});

	it('collapse warning on effective rank < 2, scaled to d/2 for low-dimensional data', () => {
		const flat = gaussianCloud(400, [100, 1, 1, 1, 1, 1, 1, 1], 2).Z; // effective rank ≈ 1.4 in d = 8
		expect(probeSnapshot(flat, 400, 8, { mode: 'fixed', beta: 0.001 }, null).result.collapseWarning).toBe(true);
		const healthy3d = gaussianCloud(400, [4, 1, 0.25], 3).Z; // effective rank ≈ 1.9 in d = 3
		const r3 = probeSnapshot(healthy3d, 400, 3, { mode: 'fixed', beta: 0.1 }, null).result;
		expect(r3.effectiveRank).toBeLessThan(2);
		expect(r3.collapseWarning).toBe(false);
		const line3d = gaussianCloud(400, [4, 0.001, 0.001], 4).Z;
		expect(probeSnapshot(line3d, 400, 3, { mode: 'fixed', beta: 0.1 }, null).result.collapseWarning).toBe(true);
	});

	it('reports the anisotropy index and the effective rank', () => {
		const r = a.rows[39];
		expect(r.anisotropy).toBeCloseTo((d * r.lambda1) / r.trace, 12);
		expect(r.effectiveRank).toBeGreaterThan(2);
		expect(r.effectiveRank).toBeLessThan(d);
		expect(r.prototypes).toHaveLength(8 * d);
	});
});

describe('probeSnapshot input checks', () => {
	const Z = new Float64Array(12);
	it('one clear line for bad input', () => {
		expect(() => probeSnapshot(Z, 1, 12, { mode: 'fixed', beta: 1 }, null)).toThrow(/at least 2 points, got N = 1/);
		expect(() => probeSnapshot(Z, 12, 0, { mode: 'fixed', beta: 1 }, null)).toThrow(/d must be a positive integer/);
		expect(() => probeSnapshot(Z, 4, 4, { mode: 'fixed', beta: 1 }, null)).toThrow(/expected N × d = 4 × 4 = 16/);
		const bad = new Float64Array(12);
		bad[7] = NaN;
		expect(() => probeSnapshot(bad, 4, 3, { mode: 'fixed', beta: 1 }, null)).toThrow(
			/non-finite value NaN at row 2, column 1/
		);
		expect(() => probeSnapshot(bad, 4, 3, { mode: 'fixed', beta: 1 }, null)).toThrow(ProbeInputError);
	});

	it('identical points: λ1 = 0, β_c infinite, nothing splits', () => {
		const same = new Float64Array([1, 2, 1, 2, 1, 2]);
		const r = probeSnapshot(same, 3, 2, { mode: 'fixed', beta: 1 }, null).result;
		expect(r.lambda1).toBe(0);
		expect(r.betaC).toBe(Infinity);
		expect(r.rho).toBe(0);
		expect(r.kEff).toBe(1);
	});
});

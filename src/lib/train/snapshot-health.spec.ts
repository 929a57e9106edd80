import { describe, expect, it } from 'vitest';
import { fakeSnapshot } from '../lab/snapshot-fixture';
import { firstNonFiniteDrawn, SnapshotHealth, STALL_AFTER, WEIGHT_GROWTH_LIMIT } from './snapshot-health';
import type { Snapshot } from './protocol';

function grokking(step: number, patch: Partial<Extract<Snapshot['metrics'], { kind: 'grokking' }>> = {}): Snapshot {
	const s = fakeSnapshot(step);
	s.metrics = { ...(s.metrics as Extract<Snapshot['metrics'], { kind: 'grokking' }>), ...patch };
	return s;
}

describe('snapshot health', () => {
	it('names the first non-finite value a chart would draw', () => {
		expect(firstNonFiniteDrawn(fakeSnapshot(0))).toBeNull();
		const s = fakeSnapshot(25);
		s.probe.points2d = new Float32Array([0, NaN]);
		expect(firstNonFiniteDrawn(s)).toBe('points on (v1, v2)[1] = NaN');
		const t = fakeSnapshot(25);
		t.probe.projV1 = NaN;
		expect(firstNonFiniteDrawn(t)).toMatch(/projection on v1/);
	});

	it('pauses a non-finite probe reading with reason nan', () => {
		const s = fakeSnapshot(25);
		s.probe.prototypes2d[3] = Infinity;
		const h = new SnapshotHealth().observe(s, 59);
		expect(h.ok).toBe(false);
		if (!h.ok) expect(h.reason).toBe('nan');
	});

	it('flags weights that grow past the limit relative to step 0, not before', () => {
		const g = new SnapshotHealth();
		expect(g.observe(grokking(0, { weightNorm: 2000 }), 59).ok).toBe(true);
		expect(g.observe(grokking(500, { weightNorm: 2000 * WEIGHT_GROWTH_LIMIT * 0.9 }), 59).ok).toBe(true);
		const h = g.observe(grokking(600, { weightNorm: 2000 * WEIGHT_GROWTH_LIMIT * 1.1 }), 59);
		expect(h.ok).toBe(false);
		if (!h.ok) expect(h.message).toMatch(/exploding/);
	});

	it('calls a run at chance with a flat loss stalled, but not one whose loss still falls', () => {
		const flat = new SnapshotHealth();
		const falling = new SnapshotHealth();
		let lastFlat: ReturnType<SnapshotHealth['observe']> = { ok: true };
		let lastFalling: ReturnType<SnapshotHealth['observe']> = { ok: true };
		for (let step = 0; step <= STALL_AFTER + 100; step += 25) {
			lastFlat = flat.observe(grokking(step, { trainAcc: 0.02, trainLoss: 4.1 }), 59);
			lastFalling = falling.observe(grokking(step, { trainAcc: 0.02, trainLoss: 4.1 - step * 1e-3 }), 59);
			if (step < STALL_AFTER) expect(lastFlat.ok).toBe(true);
		}
		expect(lastFlat.ok).toBe(false);
		if (!lastFlat.ok) expect(lastFlat.message).toMatch(/stalled/);
		expect(lastFalling.ok).toBe(true);
	});

	it('never calls a memorised run stalled', () => {
		const g = new SnapshotHealth();
		for (let step = 0; step <= 3000; step += 25) expect(g.observe(grokking(step, { trainAcc: 1, trainLoss: 1e-3 }), 59).ok).toBe(true);
	});
});

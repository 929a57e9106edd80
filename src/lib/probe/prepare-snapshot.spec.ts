// The state-free part of a probe update computed ahead (as `npm run probe --workers N` does in worker threads)
// must give the in-order update exactly the numbers it would have computed itself.
import { describe, expect, it } from 'vitest';
import { createProbeState } from './create-probe-state';
import { gaussianCloud } from './gaussian-cloud';
import { preparedSpectrum, prepareSnapshot } from './prepare-snapshot';
import { probeSnapshot } from './probe-snapshot';
import type { BetaSpec, ProbeState, SnapshotResult } from './types';

const n = 300;

/** A run whose top directions rotate between snapshots, so signs fixed without the reference often differ. */
function snapshots(d: number, T: number) {
	return Array.from({ length: T }, (_, t) => gaussianCloud(n, Array.from({ length: d }, (_, i) => (i === 0 ? 3 + 0.2 * t : 1 / (1 + i))), 40 + t, { rotate: true, mean: Array(d).fill(t) }).Z);
}

function run(Zs: Float64Array[], d: number, beta: BetaSpec, ahead: boolean): SnapshotResult[] {
	let state: ProbeState = createProbeState(d, 4, 7);
	return Zs.map((Z) => {
		// Prepared in a copy the way the CLI does (in place, no reference), or left to probeSnapshot.
		const prepared = ahead ? prepareSnapshot(Float64Array.from(Z), n, d, beta.mode === 'kernel', 8, { out: undefined }) : undefined;
		const out = probeSnapshot(Z, n, d, beta, state, { K: 4 }, prepared);
		state = out.state;
		return out.result;
	});
}

describe('prepareSnapshot ahead of the in-order update', () => {
	for (const [name, beta, d] of [
		['fixed β, dense route', { mode: 'fixed', beta: 0.5 }, 6],
		['kernel mode (rows normalised first)', { mode: 'kernel', tau: 0.3 }, 6],
		['fewer points than dimensions (Gram route)', { mode: 'fixed', beta: 0.5 }, 320]
	] as [string, BetaSpec, number][]) {
		it(`${name}: every number and vector is bit-identical`, () => {
			const Zs = snapshots(d, 8);
			const serial = run(Zs, d, beta, false);
			const ahead = run(Zs, d, beta, true);
			for (let t = 0; t < Zs.length; t++) {
				for (const key of ['lambda1', 'rho', 'spread', 'projV1', 'kEff', 'freeEnergy', 'effectiveRank', 'trace'] as const) {
					expect(ahead[t][key], `${key} at snapshot ${t}`).toBe(serial[t][key]);
				}
				expect(Array.from(ahead[t].eigvecs)).toEqual(Array.from(serial[t].eigvecs));
				expect(Array.from(ahead[t].prototypes)).toEqual(Array.from(serial[t].prototypes));
			}
		});
	}

	it('the re-orientation is needed: without the reference some eigenvector has the other sign', () => {
		const d = 6;
		const Zs = snapshots(d, 8);
		const serial = run(Zs, d, { mode: 'fixed', beta: 0.5 }, false);
		let flips = 0;
		for (let t = 0; t < Zs.length; t++) {
			const p = prepareSnapshot(Float64Array.from(Zs[t]), n, d, false, 8);
			for (let r = 0; r < 8 && r < d; r++) if (p.eig!.vectors[r * d] * serial[t].eigvecs[r * d] < 0) flips++;
			// …and preparedSpectrum with the previous snapshot's vectors restores them.
			const fixed = preparedSpectrum(p, n, d, 8, t > 0 ? serial[t - 1].eigvecs : null);
			expect(Array.from(fixed.vectors)).toEqual(Array.from(serial[t].eigvecs));
		}
		expect(flips).toBeGreaterThan(0);
	});

	it('spectrum: false leaves it to the update (Lanczos is warm-started from the previous vectors)', () => {
		const d = 6;
		const [Z] = snapshots(d, 1);
		const p = prepareSnapshot(Float64Array.from(Z), n, d, false, 8, { spectrum: false });
		expect(p.eig).toBeNull();
		expect(preparedSpectrum(p, n, d, 8, null).values[0]).toBeGreaterThan(1);
	});
});

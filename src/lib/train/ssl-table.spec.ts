import { describe, expect, it } from 'vitest';
import type { SslSummary } from './run-summary';
import { sslStepTable, sslTable } from './ssl-table';
import type { SweepDocument } from './sweep-table';

function run(seed: number, tau: number, data: string, rhoMax: number, knn: number[]) {
	const summary = { toy: 'ssl', steps: 100, rhoMax, rawKnnAcc: 0.4, knnFinal: knn[knn.length - 1], foldBack: 0.25, onset: 30 } as unknown as SslSummary;
	return { seed, weightDecay: 0, tau, data, summary, trajectory: { step: [0, 50, 100], rho: [0.5, rhoMax, 0.75 * rhoMax], knnAcc: knn } };
}

const doc = (runs: ReturnType<typeof run>[]): SweepDocument => ({ command: 'c', date: '2026-11-30', backend: 'wasm', preset: 'ssl', runs });

describe('SSL tables', () => {
	it('one row per data source and τ, ranges over seeds, a repeated (data, τ, seed) counted once', () => {
		const seeds = doc([run(1, 0.1, 'synthetic', 3.5, [0.2, 0.9, 1]), run(2, 0.1, 'synthetic', 4.25, [0.3, 0.8, 0.95])]);
		const taus = doc([run(1, 0.1, 'synthetic', 3, [0.2, 0.9, 1]), run(1, 0.5, 'synthetic', 0.6, [0.2, 0.3, 0.4])]);
		const table = sslTable([seeds, taus]).split('\n');
		expect(table).toHaveLength(4);
		expect(table[2]).toMatch(/^\| synthetic \| 0\.1 \| 1,2 \| 0\.400 \|/);
		expect(table[2]).toContain('| 3.50–4.25 |');
		expect(table[3]).toMatch(/^\| synthetic \| 0\.5 \| 1 \|/);
		const steps = sslStepTable([seeds], [0, 50, 200]).split('\n');
		expect(steps[2]).toContain('| 0.50 / 0.20–0.30 | 3.50–4.25 / 0.80–0.90 | – |');
	});
});

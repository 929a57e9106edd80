import { describe, expect, it } from 'vitest';
import { extractRescue } from './rescue-extract';
import type { RescueDocument } from './rescue-table';
import type { GrokkingSummary } from '$lib/train/run-summary';

describe('rescue extraction', () => {
	it('keeps each run’s schedule, switch step and series', () => {
		const summary = { toy: 'grokking', onset: 40, symmetryBreaking: null, lag: null, test95: 900 } as unknown as GrokkingSummary;
		const doc: RescueDocument = {
			command: 'c',
			date: '2026-11-30',
			backend: 'wasm',
			preset: 'grokking-small',
			runs: [
				{ seed: 1, weightDecay: 0, schedule: 'none', summary, trajectory: { step: [0, 25], rho: [0.2, 0.5], wt: [1, 1], testAcc: [0, 0] } },
				{ seed: 1, weightDecay: 0, schedule: 'weightDecay@500=1', summary, trajectory: { step: [0, 25], rho: [0.2, 0.6], wt: [1, 1], testAcc: [0, 0.1] } }
			]
		};
		const f = extractRescue(doc);
		expect(f.runs.map((r) => [r.schedule, r.switchStep, r.switchValue])).toEqual([
			['none', null, null],
			['weightDecay@500=1', 500, 1]
		]);
		expect(f.runs[1].rho).toEqual([0.2, 0.6]);
		expect(f.runs[1].testAcc).toEqual([0, 0.1]);
		expect(f.command).toBe('c');
	});
});

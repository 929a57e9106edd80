import { describe, expect, it } from 'vitest';
import { rescueTable, rhoMaxAfter, switchOf, type RescueDocument } from './rescue-table';
import type { GrokkingSummary } from '$lib/train/run-summary';

function run(seed: number, schedule: string, rho: number[], test95: number | null): RescueDocument['runs'][number] {
	const step = rho.map((_, i) => i * 100);
	const summary = { toy: 'grokking', steps: step.at(-1)!, test50: test95 === null ? null : test95 - 100, test95, rhoMax: Math.max(...rho), rhoFinal: rho.at(-1)!, finalTestAcc: test95 === null ? 0.01 : 1 } as GrokkingSummary;
	return { seed, weightDecay: 0, schedule, summary, trajectory: { step, rho } };
}

describe('rescue table', () => {
	it('reads the switch from the schedule text', () => {
		expect(switchOf('weightDecay@500=1')).toEqual({ step: 500, value: 1 });
		expect(switchOf('none')).toBeNull();
		expect(switchOf(undefined)).toBeNull();
	});

	it('finds the largest ρ after a step', () => {
		expect(rhoMaxAfter({ step: [0, 100, 200, 300], rho: [1, 9, 4, 5] }, 100)).toBe(5);
		expect(rhoMaxAfter({ step: [0, 100], rho: [1, 9] }, 100)).toBeNull();
	});

	it('one row per schedule, ranges over seeds, the delay from the switch', () => {
		const doc: RescueDocument = {
			command: 'npm run train -- x',
			date: '2026-11-30',
			backend: 'wasm',
			preset: 'grokking-small',
			runs: [
				run(1, 'none', [1, 5, 20, 80], null),
				run(2, 'none', [1, 6, 30, 90], null),
				run(1, 'weightDecay@100=1', [1, 5, 4, 3], 300),
				run(2, 'weightDecay@100=1', [1, 6, 4.5, 3.5], 200)
			]
		};
		const rows = rescueTable(doc).split('\n');
		expect(rows.length).toBe(4);
		expect(rows[2].startsWith('| 0 throughout (never switched) | 1,2 | – | 80–90 | 80–90 | – | – | – | 0.010 |')).toBe(true);
		const withControl = rescueTable(doc, { ...doc, runs: [{ ...run(1, 'none', [1, 2, 3], 200), weightDecay: 1 }] }).split('\n');
		expect(withControl.length).toBe(5);
		expect(withControl[4].startsWith('| 1 from the start (control) | 1 | – | 3 | 3 | 100 | 200 | 200 (from step 0) | 1 |')).toBe(true);
		expect(rows[3].startsWith('| 0, then 1 from step 100 | 1,2 | 5–6 | 4–4.50 | 3–3.50 | 100–200 | 200–300 | 100–200 | 1 |')).toBe(true);
	});
});

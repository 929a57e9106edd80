import { describe, expect, it } from 'vitest';
import { frequencyLotteryTable, keepToFinalTable } from './frequency-lottery-table';
import type { SweepDocument } from './sweep-table';

const stats = (keep: number, earlyStep: number) => ({ earlyStep, nAlive: 100, keep, chance: 1 / 29, shuffled: 0.05, spearman: 0.1, distinct: 9 });
const run = (seed: number, wd: number, keep: number, onset: number) => ({
	seed,
	weightDecay: wd,
	summary: { toy: 'grokking', steps: 1700 + seed * 25, finalTestAcc: 1, onset } as never,
	frequencyLottery: {
		steps: 1700,
		early: stats(keep, 75 + seed),
		fromStart: stats(keep / 3, 0),
		medianDecision: 400 + seed,
		decidedByOnset: 0.2,
		onset,
		keyFrequenciesStart: 25,
		keyFrequenciesMax: 26,
		keyFrequenciesFinal: 6 + seed,
		columns: { step: [0, 25, 50], keyFrequencies: [], embeddingKeyFrequencies: [], keepToFinal: [0.1 * seed, 0.5, 1] }
	}
});

describe('frequency lottery table', () => {
	it('gives one row per weight decay with seed ranges, from several documents', () => {
		const doc = (runs: unknown[]): SweepDocument => ({ command: 'c', date: '2026-11-30', backend: 'wasm', preset: 'grokking-59', runs: runs as SweepDocument['runs'] });
		const t = frequencyLotteryTable([doc([run(1, 1, 0.3, 65), run(2, 1, 0.2, 70)]), doc([run(1, 0.3, 0.5, 60)])]);
		const rows = t.split('\n');
		expect(rows).toHaveLength(4);
		expect(rows[2]).toMatch(/^\| 0\.3 \| 1 \|/);
		expect(rows[3]).toMatch(/^\| 1 \| 1,2 \| 1725–1750 \|/);
		expect(rows[3]).toContain('| 20–30 |');
		expect(rows[3]).toContain('25 → 26 → 7–8');
		const early = run(3, 0.3, 0.5, 60);
		(early.summary as { finalTestAcc: number }).finalTestAcc = 0.03;
		expect(frequencyLotteryTable([doc([early])]).split('\n')[2]).toMatch(/^\| 0\.3 \(stopped before generalising\) \|/);
	});

	it('reads the share already on the final winner at fixed steps, – where a run has no such snapshot', () => {
		const doc = { command: 'c', date: 'd', backend: 'wasm', preset: 'p', runs: [run(1, 1, 0.3, 65), run(2, 1, 0.3, 65)] as never };
		const rows = keepToFinalTable([doc], [0, 50, 75]).split('\n');
		expect(rows[2]).toBe('| 1 | 10–20 | 100 | – |');
	});
});

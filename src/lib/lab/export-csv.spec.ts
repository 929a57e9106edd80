import { describe, expect, it } from 'vitest';
import type { GrokkingReadouts } from '$lib/train/grokking-readouts';
import type { Snapshot } from '$lib/train/protocol';
import { CSV_HEADER, runsToCsv } from './export-csv';
import { labSeries } from './lab-series';
import { fakeSnapshot } from './snapshot-fixture';

/** A grokking snapshot carrying only the readout fields the CSV reads. */
function withReadouts(step: number, testCorrect: number, keyFrequencies: number, keep: number | null): Snapshot {
	const s = fakeSnapshot(step, 'grokking');
	if (s.metrics.kind !== 'grokking') throw new Error('fixture');
	const lottery = keep === null ? null : { earlyStep: 75, nAlive: 100, keep, chance: 1 / 15, shuffled: 0.1, spearman: 0.4, distinct: 9 };
	s.metrics.readouts = { testCorrect, keyFrequencies, lottery } as unknown as GrokkingReadouts;
	return s;
}

function parse(csv: string): Record<string, string>[] {
	const [head, ...rows] = csv.trim().split('\n');
	const cols = head.split(',');
	return rows.map((r) => Object.fromEntries(r.split(',').map((v, i) => [cols[i], v])));
}

const run = (name: string, snaps: Snapshot[]) => ({
	run: name,
	series: labSeries(snaps),
	weightDecay: snaps.map((s) => s.hyper.weightDecay),
	noise: snaps.map((s) => s.hyper.noise),
	lr: snaps.map((s) => s.hyper.lr)
});

describe('lab CSV: what the network learned per snapshot', () => {
	it('has one column each for test share right, key frequencies and frequency keep', () => {
		for (const c of ['testCorrect', 'keyFrequencies', 'frequencyKeep']) expect(CSV_HEADER.filter((h) => h === c)).toHaveLength(1);
	});

	it('writes each grokking snapshot’s readouts in its row; keep is empty before the early step', () => {
		const rows = parse(runsToCsv([run('live', [withReadouts(50, 0.125, 14, null), withReadouts(1000, 0.9625, 4, 0.375)])]));
		expect(rows.map((r) => [r.step, r.testCorrect, r.keyFrequencies, r.frequencyKeep])).toEqual([
			['50', '0.125', '14', ''],
			['1000', '0.9625', '4', '0.375']
		]);
		// The readout columns sit beside the other series, not in place of them.
		expect(rows[1].testAcc).toBe('0.3');
		expect(rows[1].weightDecay).toBe('1');
	});

	it('leaves them empty for SAE runs and grokking snapshots without readouts', () => {
		const rows = parse(runsToCsv([run('sae', [fakeSnapshot(10, 'sae')]), run('bare', [fakeSnapshot(20, 'grokking')])]));
		for (const r of rows) expect([r.testCorrect, r.keyFrequencies, r.frequencyKeep]).toEqual(['', '', '']);
	});
});

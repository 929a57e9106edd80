import { describe, expect, it } from 'vitest';
import { labDefaults, patchLab } from '$lib/state/lab';
import { fakeSnapshot } from './snapshot-fixture';
import { changeIndices, MAX_PINS, pinLabel, pinOverlays, pinRun, pinnedMaxStep, unpinRun } from './pinned-runs';
import { runsToCsv, CSV_HEADER } from './export-csv';
import { labSeries } from './lab-series';

const settings = patchLab(labDefaults('grokking'), { weightDecay: 0, seed: 3, schedule: [{ step: 1000, key: 'weightDecay', value: 1 }] });
const snaps = (n: number, rho = 0.5) => Array.from({ length: n }, (_, i) => fakeSnapshot(i * 25, 'grokking', rho + i));

describe('pinned runs', () => {
	it('labels a pin with its settings', () => {
		expect(pinLabel(settings, 'grokking-small')).toBe('grokking-small · seed 3 · wd 0 · σ 0 · lr 0.003 · wd@1000=1');
	});

	it('pins up to four runs, each with its own colour, and refuses a fifth or an empty run', () => {
		let pins = pinRun([], [], settings, 'p').pins;
		expect(pinRun([], [], settings, 'p').error).toMatch(/Nothing to pin/);
		for (let i = 0; i < MAX_PINS; i++) {
			const r = pinRun(pins, snaps(3 + i), settings, 'p');
			expect(r.error).toBeNull();
			pins = r.pins;
		}
		expect(new Set(pins.map((p) => p.colour)).size).toBe(MAX_PINS);
		expect(pins.map((p) => p.id)).toEqual([1, 2, 3, 4]);
		const fifth = pinRun(pins, snaps(2), settings, 'p');
		expect(fifth.error).toMatch(/At most 4/);
		expect(fifth.pins.length).toBe(MAX_PINS);
		// Unpinning frees the colour and the slot.
		const freed = pins[1].colour;
		const after = pinRun(unpinRun(pins, 2), snaps(2), settings, 'p');
		expect(after.error).toBeNull();
		expect(after.pins.at(-1)!.colour).toBe(freed);
		expect(after.pins.at(-1)!.id).toBe(5);
	});

	it('freezes the series: later snapshots of the live run do not change a pin', () => {
		const live = snaps(3);
		const { pins } = pinRun([], live, settings, 'p');
		live.push(fakeSnapshot(75, 'grokking', 9));
		expect(pins[0].series.steps).toEqual([0, 25, 50]);
		expect(pins[0].series.rho).toEqual([0.5, 1.5, 2.5]);
	});

	it('overlays only the pins of the shown toy, with their own steps', () => {
		let pins = pinRun([], snaps(3), settings, 'p').pins;
		pins = pinRun(pins, [fakeSnapshot(0, 'sae'), fakeSnapshot(40, 'sae')], labDefaults('sae'), 'sae').pins;
		const rho = pinOverlays(pins, 'grokking', 'rho');
		expect(rho.length).toBe(1);
		expect(rho[0].xs).toEqual([0, 25, 50]);
		expect(rho[0].name).toMatch(/^pinned 1: /);
		expect(pinOverlays(pins, 'sae', 'rho')[0].xs).toEqual([0, 40]);
		expect(pinnedMaxStep(pins, 'grokking')).toBe(50);
		expect(pinnedMaxStep(pins, 'sae')).toBe(40);
	});
});

describe('CSV export', () => {
	it('writes one row per run and snapshot, quoting labels and leaving non-finite values empty', () => {
		const a = snaps(2);
		const csv = runsToCsv([
			{ run: 'live', series: labSeries(a), weightDecay: [0, 0], noise: [0, 0], lr: [0.003, 0.003] },
			{ run: 'pinned 1: seed 3, wd 0', series: labSeries(snaps(1)), weightDecay: [1], noise: [0], lr: [0.003] }
		]);
		const lines = csv.trim().split('\n');
		expect(lines[0]).toBe(CSV_HEADER.join(','));
		expect(lines.length).toBe(1 + 2 + 1);
		const row = lines[2].split(',');
		expect(row[0]).toBe('live');
		expect(row[1]).toBe('25');
		expect(Number(row[CSV_HEADER.indexOf('rho')])).toBe(1.5);
		expect(row[CSV_HEADER.indexOf('mse')]).toBe('');
		expect(lines[3].startsWith('"pinned 1: seed 3, wd 0",0,')).toBe(true);
		expect(lines.every((l) => l.match(/,/g)!.length === CSV_HEADER.length - 1 + (l.startsWith('"pinned') ? 1 : 0))).toBe(true);
	});
});

describe('change marks on the (ρ, W/T) plane', () => {
	it('marks the first snapshot at or after each change', () => {
		expect(changeIndices([0, 25, 50, 75], [{ step: 30 }, { step: 50 }, { step: 50 }, { step: 99 }])).toEqual([2]);
		expect(changeIndices([0, 25, 50, 75], [{ step: 0 }, { step: 26 }])).toEqual([0, 2]);
	});
});

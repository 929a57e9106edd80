import { describe, expect, it } from 'vitest';
import { forecastRunsTable } from './forecast-table';
import type { RunRow } from './fit-document';

const row = (seed: number, over: Partial<RunRow>): RunRow => ({
	seed,
	weightDecay: 1,
	trainFraction: 0.7,
	steps: 1000,
	tMem: 75,
	tAnchor: 150,
	logRho: Math.log(2),
	rhoSlope: 0.5,
	betaCSlope: -0.2,
	tSb: 400,
	...over
});

describe('forecast tables', () => {
	it('gives ranges over seeds, counts partial events, and writes negative ranges readably', () => {
		const t = forecastRunsTable([row(1, { betaCSlope: -0.3, tSb: null }), row(2, { betaCSlope: -0.001, logRho: Math.log(3) }), row(3, { tSb: 500 })]);
		const line = t.split('\n')[2];
		expect(line).toContain('| 0.7 | 1 | 75 |');
		expect(line).toContain('2.00–3.00');
		expect(line).toContain('−0.30 to 0.00'); // −0.001 rounds to 0.00, never "−0.00"
		expect(line).toContain('400–500 (2/3)');
	});
});

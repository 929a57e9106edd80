import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { sweepProblems } from './sweep-validate';
import type { SweepDocument } from './sweep-table';

const sweeps = readdirSync('content/data')
	.filter((f) => f.endsWith('.json'))
	.map((f) => ({ file: f, doc: JSON.parse(readFileSync(`content/data/${f}`, 'utf8')) as SweepDocument }))
	.filter(({ doc }) => Array.isArray(doc.runs) && doc.runs.every((r) => r && typeof r === 'object' && 'summary' in r));

describe('saved sweeps in content/data', () => {
	it('includes the grokking sweep', () => {
		expect(sweeps.map((s) => s.file)).toContain('grokking-sweep.json');
	});
	for (const { file, doc } of sweeps) {
		it(`${file} passes the sweep check`, () => {
			expect(sweepProblems(doc)).toEqual([]);
		});
	}
});

describe('the sweep check', () => {
	const good = (): SweepDocument => ({
		command: 'npm run train -- grokking',
		date: '2026-11-25T20:48:42.342Z',
		backend: 'wasm',
		preset: 'grokking-small',
		runs: [
			{
				seed: 1,
				weightDecay: 1,
				summary: { toy: 'grokking', steps: 50 } as SweepDocument['runs'][0]['summary'],
				trajectory: { step: [0, 25, 50], rho: [0.1, 0.5, 1.2] }
			}
		]
	});
	it('accepts a sound file', () => expect(sweepProblems(good())).toEqual([]));
	it('finds a short column, steps out of order, a summary that disagrees, missing provenance', () => {
		const d = good();
		d.runs[0].trajectory!.rho = [0.1, 0.5];
		expect(sweepProblems(d)).toEqual(['run 0 (seed 1): column rho has 2 values for 3 steps']);
		const e = good();
		e.runs[0].trajectory!.step = [0, 50, 25];
		expect(sweepProblems(e).join(' ')).toMatch(/do not increase.*summary says 50 steps, trajectory ends at 25/);
		const f = good();
		f.command = '';
		f.date = 'yesterday';
		expect(sweepProblems(f)).toEqual(['no command recorded', 'date "yesterday" is not a date']);
	});
});

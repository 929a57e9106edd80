import { describe, expect, it } from 'vitest';
import { transformerBrowserTable, transformerTable, type TransformerDocument, type TransformerRun } from './transformer-table';

const run = (model: string, stepTo95: number | null, secondsTo95: number | null, trainSeconds: number, stepsRun = stepTo95 ?? 3000, seed = 1): TransformerRun & { seed: number } => ({
	model,
	seed,
	params: 1000,
	stepsRun,
	msPerStep: (trainSeconds * 1000) / stepsRun,
	stepTo95,
	secondsTo95,
	trainSeconds,
	finalTestAcc: stepTo95 === null ? 0.8 : 0.96,
	stoppedBy: stepTo95 === null ? 'steps' : 'target'
});

const doc = (runs: (TransformerRun & { seed: number })[]): TransformerDocument => ({ command: 'npx tsx x.ts', date: '2026-11-30T12:00:00Z', backend: 'wasm', task: { p: 31, trainFraction: 0.7, seeds: [1, 2] }, runs });

describe('transformerTable', () => {
	it('gives each model’s time to test 95% as a multiple of the MLP’s', () => {
		const md = transformerTable(doc([run('mlp', 750, 5, 5), run('transformer 1 head', 2500, 200, 200)]));
		const rows = md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| seed |'));
		expect(rows[0]).toContain('| 1 | mlp | 1000 | 750 | 5 s |');
		expect(rows[0]).toContain('1 (baseline)');
		expect(rows[1]).toContain('| 2500 | 200 s | 80 | 40× |');
		expect(md).toContain('Measured with <code>npx tsx x.ts</code> on 2026-11-30');
	});

	it('says when a run never reached 95%, with a lower bound on the ratio', () => {
		const md = transformerTable(doc([run('mlp', 500, 4, 4), run('transformer 4 heads', null, null, 300, 3000)]));
		expect(md).toContain('not reached in 3000 (test 80%)');
		expect(md).toContain('> 300 s');
		expect(md).toContain('> 75×');
	});

	it('compares each Transformer with the MLP of the same seed', () => {
		const md = transformerTable(doc([run('mlp', 500, 4, 4, 500, 1), run('mlp', 800, 10, 10, 800, 2), run('transformer', 400, 5, 5, 400, 2)]));
		expect(md).toContain('| 2 | transformer | 1000 | 400 | 5 s | 12.5 | 0.5× |');
	});

	it('tabulates the browser runs per seed with the median ratio, and nothing without them', () => {
		const d = doc([run('mlp', 500, 4, 4)]);
		expect(transformerBrowserTable(d)).toBe('');
		d.browser = {
			command: 'npx tsx b.ts',
			date: '2026-11-30T12:30:00Z',
			runs: [
				{ preset: 'grokking-small', seed: 1, stepTo95: 750, secondsTo95: 5, backend: 'wasm' },
				{ preset: 'grokking-transformer', seed: 1, stepTo95: null, secondsTo95: null, backend: 'wasm' }
			],
			ratioPerSeed: [null],
			medianRatio: null
		};
		const md = transformerBrowserTable(d);
		expect(md).toContain('| 1 | step 750, 5 s | not reached | — |');
		expect(md).not.toContain('median');
	});
});

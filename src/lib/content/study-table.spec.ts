import { describe, expect, it } from 'vitest';
import { betaTable, nearPaperSpearman, studyTable, studyVerdict, type TraceDocument } from './study-table';
import type { StudyDocument, StudyRun } from '../train/node/sae-study';

const lot = (spearman: number, ratioToBaseline: number, ratioToMean: number) => ({
	earlyStep: 1, nAlive: 10, spearman, topDecilePurity: 0.5, baseline: 0.05, meanPurity: 0.4, ratioToBaseline, ratioToMean
});
const run = (setting: string, seed: number, s: number, b: number, m: number): StudyRun => ({
	setting, seed, lottery: { '0.01': lot(s, b, m), '0.05': lot(s, b, m), '0.1': lot(s, b, m) }, mmcs: 0.9, dead: 3, l0: 5, mse: 0.1, meanPurity: 0.4, settleStep: 100, msPerStep: 1
});
const doc = {
	command: 'npm run x', date: '2026-11-30', backend: 'wasm', preset: 'sae-small', note: '', earlyFractions: [0.01, 0.05, 0.1], settleLevel: 0.9,
	base: { atoms: 128, features: 64, l1: 0.25, hyper: { lr: 2e-3 }, steps: 3000 } as unknown as StudyDocument['base'],
	settings: [
		{ id: 'a', factor: 'base', label: 'A', changes: {} },
		{ id: 'b', factor: 'width', label: 'B', changes: {} }
	],
	runs: [1, 2, 3].flatMap((seed) => [run('a', seed, 0.4 + seed / 100, 10, 1.2), run('b', seed, 0.05, 13 + seed, 1.5)])
} as StudyDocument;

describe('study tables computed from the data', () => {
	it('marks which settings are near the paper and names them in the verdict', () => {
		expect([0.34, 0.41, 0.48].map(nearPaperSpearman)).toEqual([true, true, true]);
		expect([0.3, 0.52, 0.1].map(nearPaperSpearman)).toEqual([false, false, false]);
		const table = studyTable(doc);
		expect(table).toContain('| B | 0.05 | 0.05 | 0.05 | 0.050 | 14–16 | 1.50 | 0.900 | 3 | 5 | 100 |');
		const v = studyVerdict(doc);
		expect(v).toContain('0.41 ± 0.08 of the paper in A (0.42)');
		expect(v).toContain("the base setting's median Spearman is NaN over 0 seeds");
		expect(v).toContain('the furthest is B (0.05)');
		expect(v).toContain("reaches the paper's 12.3× chance in B (15.0×)");
		expect(v).toContain('only 1.20–1.50×');
	});

	it('β table: crossings, starts above 1, and the ratio to the settle step', () => {
		const trace: TraceDocument = {
			command: 'npm run y', date: '2026-11-30', backend: 'wasm', preset: 'sae-small',
			runs: [1, 2].map((seed) => ({
				seed, steps: 100, settleStep: 1000, lottery: { '0.05': { spearman: 0.3 } },
				crossing: { residual: 2, encoderReadout: null, codes: 0 },
				rhoStart: { residual: 0.9, encoderReadout: 0.07, codes: 1.2 },
				rho: { residual: [0.9, 5], encoderReadout: [0.07, 0.06], codes: [1.2, 1.8] }
			}))
		};
		const t = betaTable(trace);
		expect(t).toContain("| `residual`: β = d/MSE, probe on x | 0.90 | 2 | 5 | 1000 | 0.0020 |");
		expect(t).toMatch(/encoder rows.*\| – \|/);
		expect(t).toContain('starts above 1');
	});
});

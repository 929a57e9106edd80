import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { studyProblems, studySettings, applySetting } from './sae-study';
import { getPreset } from '../presets';
import type { SaeConfig } from '../config';

const doc = JSON.parse(readFileSync('content/data/sae-lottery-study.json', 'utf8'));

describe('content/data/sae-lottery-study.json', () => {
	it('follows the study schema: command, every setting with ≥ 3 seeds, finite statistics at 1%, 5%, 10%', () => {
		expect(studyProblems(doc)).toEqual([]);
		expect(doc.earlyFractions).toEqual([0.01, 0.05, 0.1]);
	});

	it('covers the factors of the issue', () => {
		const factors = new Set(doc.settings.map((s: { factor: string }) => s.factor));
		for (const f of ['base', 'frequencies', 'magnitudes', 'correlation', 'width', 'L1', 'learning rate', 'decoder init']) expect(factors).toContain(f);
	});

	it('the schema check catches broken documents', () => {
		const broken = structuredClone(doc);
		broken.runs[0].lottery['0.05'].spearman = null;
		broken.runs = broken.runs.filter((r: { setting: string; seed: number }) => !(r.setting === 'base' && r.seed >= 3));
		delete broken.command;
		const problems = studyProblems(broken);
		expect(problems).toContain('missing command');
		expect(problems.some((p) => p.includes('lottery 0.05 spearman'))).toBe(true);
		expect(problems.some((p) => p.startsWith('setting base'))).toBe(true);
		expect(studyProblems(null)).toEqual(['not an object']);
	});
});

describe('study settings', () => {
	it('vary one factor at a time from the base', () => {
		const base = getPreset('sae-small', 'sae').config as SaeConfig;
		const settings = studySettings(base);
		expect(new Set(settings.map((s) => s.id)).size).toBe(settings.length);
		for (const s of settings) {
			const c = applySetting(base, s);
			const changed = Object.keys(c).filter((k) => JSON.stringify(c[k as keyof SaeConfig]) !== JSON.stringify(base[k as keyof SaeConfig]));
			expect(changed.length).toBe(s.id === 'base' ? 0 : 1);
		}
		expect(settings.find((s) => s.id === 'm4')!.changes.atoms).toBe(4 * base.features);
	});
});

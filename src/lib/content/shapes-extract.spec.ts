import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { extractShapes, shapesShown, type RunDocument } from './shapes-extract';
import { SHAPE_SOURCES } from './shape-sources';

function run(seed: number, weightDecay: number, rho: number[], wt: (number | null)[]) {
	const step = rho.map((_, i) => 25 * i);
	const ones = rho.map(() => 1);
	return { seed, weightDecay, trajectory: { step, rho, wt, betaC: ones, spread: rho.map(() => 0), trace: ones, effectiveRank: rho.map(() => 5) } };
}

describe('extractShapes', () => {
	it('keeps every run of every listed file that exists, in order, and retags it by the current rules', () => {
		const a: RunDocument = {
			command: 'npm run train -- a',
			date: '2026-11-30',
			backend: 'wasm',
			runs: [run(1, 0, [0.1, 0.5, 0.9], [0.9, 0.9, 0.9]), run(2, 1, [0.5, 2, 4, 8, 16, 32], [0.9, 0.9, 0.9, 0.9, 0.9, 0.9])]
		};
		const b: RunDocument = { command: 'npm run train -- b', date: '2026-11-30', backend: 'wasm', runs: [run(1, 0, [0.5, 1.5, 3, 2], [null, null, null, null])] };
		const out = extractShapes(
			[
				{ file: 'a.json', regime: 'toy A', betaMode: 'readout', wtOf: 'logits', showWeightDecay: true },
				{ file: 'missing.json', regime: 'never', betaMode: 'kernel', wtOf: 'x' },
				{ file: 'b.json', regime: 'toy B', betaMode: 'kernel', wtOf: 'embeddings' }
			],
			{ 'a.json': a, 'b.json': b }
		);
		expect(out.sources.map((s) => s.file)).toEqual(['a.json', 'b.json']);
		expect(out.runs.map((r) => r.index)).toEqual([0, 1, 2]);
		expect(out.runs.map((r) => r.label)).toEqual(['toy A, weight decay 0, seed 1', 'toy A, weight decay 1, seed 2', 'toy B, seed 1']);
		expect(out.runs.map((r) => r.events.shape)).toEqual(['no-arc', 'runaway', 'fold-back']);
		expect(shapesShown(out)).toEqual(['no-arc', 'runaway', 'fold-back']);
		expect(out.runs[2].events.evidence?.rhoFall).toBeCloseTo(1 / 3, 12);
	});

	it('tags the committed measured runs: wd 0 runs away, wd 0.3 and 1 escape late, every run drawn', () => {
		const docs = Object.fromEntries(
			SHAPE_SOURCES.filter((s) => existsSync(`content/data/${s.file}`)).map((s) => [s.file, JSON.parse(readFileSync(`content/data/${s.file}`, 'utf8'))])
		);
		const out = extractShapes(SHAPE_SOURCES, docs);
		// Every run of every listed file, except those a source leaves out by τ (drawn from another file already).
		const total = SHAPE_SOURCES.filter((s) => docs[s.file]).reduce(
			(n, s) => n + (docs[s.file] as RunDocument).runs.filter((r) => !s.taus || s.taus.includes((r as { tau?: number }).tau ?? NaN)).length,
			0
		);
		expect(out.runs.length).toBe(total);
		// The SSL τ sweep adds its τ = 0.2 and 0.5 runs; τ = 0.5 never reaches ρ = 1.
		const tau05 = out.runs.filter((r) => r.source === 'ssl-tau.json' && r.label.includes('τ = 0.5'));
		expect(tau05.map((r) => r.events.shape)).toEqual(['no-arc']);
		for (const r of out.runs) {
			expect(r.rho.length).toBe(r.step.length);
			expect(r.wt.length).toBe(r.step.length);
		}
		const grok = out.runs.filter((r) => r.source === 'grokking-sweep.json');
		for (const r of grok.filter((r) => r.weightDecay === 0)) expect(r.events.shape).toBe('runaway');
		for (const r of grok.filter((r) => r.weightDecay === 0.3 || r.weightDecay === 1)) expect(r.events.shape).toBe('delayed-escape');
		for (const r of out.runs.filter((r) => r.source === 'grokking-large-wd.json')) expect(r.events.shape).toBe('no-arc');
	});
});

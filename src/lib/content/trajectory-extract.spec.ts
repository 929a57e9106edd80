import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { extractTrajectories } from './trajectory-extract';

describe('extractTrajectories', () => {
	it('keeps every run of the committed sweep with aligned columns and its summary events', () => {
		const doc = JSON.parse(readFileSync('content/data/grokking-sweep.json', 'utf8'));
		const out = extractTrajectories(doc);
		expect(out.command).toBe(doc.command);
		expect(out.runs.length).toBe(doc.runs.length);
		for (const [i, r] of out.runs.entries()) {
			expect(r.rho.length).toBe(r.step.length);
			expect(r.wt.length).toBe(r.step.length);
			expect(r.onset).toBe(doc.runs[i].summary.onset);
			expect(r.step.every(Number.isFinite)).toBe(true);
		}
		expect(JSON.stringify(out).length).toBeLessThan(JSON.stringify(doc).length / 2);
	});
});

import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { storyTables } from './story-tables';
import type { SweepDocument } from '$lib/content/sweep-table';

const docs: Record<string, SweepDocument> = Object.fromEntries(
	readdirSync('content/data')
		.filter((f) => f.endsWith('.json'))
		.map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(`content/data/${f}`, 'utf8'))])
);

describe('story tables (built from content/data)', () => {
	it('shapes: one row per measured run in the listed files, tagged by the current rules', () => {
		const t = storyTables(docs).shapes;
		const rows = t.split('\n').filter((l) => l.startsWith('| grokking') || l.startsWith('| SAE'));
		expect(rows.length).toBe(docs['grokking-sweep'].runs.length + docs['sae-lottery'].runs.length + (docs['grokking-large-wd']?.runs.length ?? 0) + (docs['grokking-wd5']?.runs.length ?? 0));
		expect(rows.filter((r) => r.startsWith('| grokking, weight decay 0, ')).every((r) => r.includes('runaway'))).toBe(true);
	});

	it('paper claims: our numbers come from the files (Spearman and lag ranges), the paper numbers stay beside them', () => {
		const t = storyTables(docs)['paper-claims'];
		const sp = docs['sae-lottery'].runs.map((r) => (r.summary as unknown as { lottery: { spearman: number } }).lottery.spearman);
		expect(t).toContain(`Spearman ${Math.min(...sp).toFixed(2)}–${Math.max(...sp).toFixed(2)}`);
		expect(t).toContain('Spearman 0.41 ± 0.04');
		const lags = docs['grokking-sweep'].runs.map((r) => (r.summary as { lag: number | null }).lag).filter((l): l is number => l !== null);
		expect(t).toContain(`at most ${Number(Math.log10(Math.max(...lags)).toPrecision(2))} decades`);
		// Changing the data changes the table: it is not typed by hand.
		const halved = structuredClone(docs);
		for (const r of halved['sae-lottery'].runs) (r.summary as unknown as { lottery: { spearman: number } }).lottery.spearman /= 2;
		expect(storyTables(halved)['paper-claims']).not.toContain(`Spearman ${Math.min(...sp).toFixed(2)}–`);
		// One row per claim, each ending in a verdict of the four kinds.
		const rows = t.split('<tr>').slice(2);
		expect(rows.length).toBe(8);
		// The lottery row quotes the 10-seed trace (section 9), computed from its file.
		const trace = JSON.parse(readFileSync('content/data/sae-lottery-trace.json', 'utf8')) as { runs: { lottery: Record<string, { spearman: number }> }[] };
		const tsp = trace.runs.map((r) => r.lottery['0.05'].spearman);
		expect(t).toContain(`Spearman ${Math.min(...tsp).toFixed(2)}–${Math.max(...tsp).toFixed(2)}`);
		for (const r of rows) {
			const verdict = r.split('<td').at(-1)!.replace(/^[^>]*>/, '');
			expect(verdict).toMatch(/^(reproduced|partly|not tested here|not)\b/);
		}
	});
});

/**
 * The SAE feature-lottery measurements (docs/theory.md §6 and §3), in Node on the wasm backend:
 *   npm run study:lottery -- study [--preset sae-small] [--seeds 1,2,3] [--steps N] [--only id,id] [--out FILE]
 *     one factor at a time from the base (sae-study.ts); summaries only → content/data/sae-lottery-study.json
 *   npm run study:lottery -- trace [--preset sae] [--seeds 1,2,3] [--steps N] [--out FILE]
 *     the base preset with every atom's purity at every evaluation and ρ(t) of the three SAE β candidates
 *     → content/data/sae-lottery-trace.json (the lottery figure and the β comparison)
 *   npm run study:lottery -- merge A.json B.json [TRACE.json] [--out FILE]   joins study files made by parallel --only
 *     processes (a trace file supplies the base runs); given only trace files, joins their seeds into one trace
 * The file is rewritten after every run, so an interrupted job keeps what it finished.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SaeConfig } from '../src/lib/train/config';
import { useNodeBackend } from '../src/lib/train/node/node-backend';
import { getPreset } from '../src/lib/train/presets';
import { runLottery, SETTLE_LEVEL, type LotteryRunResult } from '../src/lib/train/node/sae-lottery-run';
import { applySetting, studySettings, type StudyDocument, type StudyRun } from '../src/lib/train/node/sae-study';

const EARLY = [0.01, 0.05, 0.1];

function arg(name: string): string | null {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? (process.argv[i + 1] ?? null) : null;
}

function round(x: number, digits = 4): number {
	return Number.isFinite(x) ? Number(x.toPrecision(digits)) : x;
}

function write(file: string, doc: unknown): void {
	mkdirSync(dirname(file), { recursive: true });
	writeFileSync(file, JSON.stringify(doc, (_k, v) => (typeof v === 'number' ? round(v) : v)) + '\n');
}

function summary(setting: string, r: LotteryRunResult): StudyRun {
	return {
		setting,
		seed: r.seed,
		lottery: r.lottery,
		mmcs: r.final.mmcs,
		dead: r.final.dead,
		l0: r.final.l0,
		mse: r.final.mse,
		meanPurity: r.final.meanPurity,
		settleStep: r.settleStep,
		msPerStep: r.msPerStep
	};
}

/**
 * `merge A.json B.json [TRACE.json] --out FILE`: one study document from runs made by parallel processes (--only
 * subsets). A trace file (same preset and steps) supplies the base setting's runs: they are the same seeded runs.
 */
/** A recorded command without the directories of scratch files (the repository names no path outside itself). */
const scrub = (command: string) => command.replace(/(--out )\/\S*\//g, '$1');

function merge(): void {
	const files = process.argv.slice(3).filter((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--out');
	const docs = files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as StudyDocument & { config?: SaeConfig; runs: unknown[] });
	const studies = docs.filter((d) => Array.isArray(d.settings)) as StudyDocument[];
	const traces = docs.filter((d) => !Array.isArray(d.settings)) as unknown as { command: string; preset: string; config: SaeConfig; runs: LotteryRunResult[] }[];
	if (studies.length === 0 && traces.length >= 2) {
		// Traces only: one trace document with all their seeds (same preset and steps).
		const t0 = traces[0];
		for (const t of traces) if (t.preset !== t0.preset || t.config.steps !== t0.config.steps) throw new Error('traces differ in preset or steps');
		const out = arg('out') ?? 'content/data/sae-lottery-trace.json';
		write(out, { ...t0, command: traces.map((t) => scrub(t.command)).join(' ; '), runs: traces.flatMap((t) => t.runs).sort((a, b) => a.seed - b.seed) });
		console.error(`wrote ${out}: ${traces.reduce((n, t) => n + t.runs.length, 0)} runs`);
		return;
	}
	if (studies.length === 0) throw new Error('usage: npm run study:lottery -- merge A.json B.json [TRACE.json] [--out FILE]');
	const out = arg('out') ?? 'content/data/sae-lottery-study.json';
	const base = studies[0].base;
	for (const t of traces) {
		if (t.preset !== studies[0].preset || t.config.steps !== base.steps) throw new Error('trace and study differ in preset or steps');
	}
	const all = studySettings(base);
	const runs = [...traces.flatMap((t) => t.runs.map((r) => summary('base', r))), ...studies.flatMap((d) => d.runs)];
	const used = new Set(runs.map((r) => r.setting));
	const merged: StudyDocument = {
		...studies[0],
		command: [...traces, ...studies].map((d) => scrub(d.command)).join(' ; '),
		date: studies.map((d) => d.date).sort()[0],
		note: `${studies[0].note}; made by ${docs.length} parallel processes (the base runs are the trace's, evaluated every ${Math.round(base.steps / 50)} steps instead of ${Math.round(base.steps / 20)}), merged with npm run study:lottery -- merge`,
		settings: all.filter((st) => used.has(st.id)),
		runs
	};
	write(out, merged);
	console.error(`wrote ${out}: ${merged.settings.length} settings, ${merged.runs.length} runs`);
}

async function main(): Promise<void> {
	const part = process.argv[2];
	if (part === 'merge') return merge();
	if (part !== 'study' && part !== 'trace') throw new Error('usage: npm run study:lottery -- study|trace [options]');
	const { backend, note } = await useNodeBackend('wasm');
	const presetName = arg('preset') ?? (part === 'study' ? 'sae-small' : 'sae');
	const base = getPreset(presetName, 'sae').config as SaeConfig;
	const steps = arg('steps');
	if (steps) base.steps = Number(steps);
	const seeds = (arg('seeds') ?? '1,2,3').split(',').map(Number);
	// Machine shared by many jobs: the study evaluates 20 times a run (plus the early steps), the trace 50 times.
	const every = Math.round(base.steps / (part === 'study' ? 20 : 50));
	const command = `npm run study:lottery -- ${process.argv.slice(2).join(' ')}`;
	const date = new Date().toISOString();
	console.error(`backend ${note}; preset ${presetName}; ${base.steps} steps; evaluation every ${every}`);

	if (part === 'study') {
		const only = arg('only')?.split(',');
		const settings = studySettings(base).filter((s) => !only || only.includes(s.id));
		const out = arg('out') ?? 'content/data/sae-lottery-study.json';
		const doc: StudyDocument = {
			command,
			date,
			backend,
			preset: presetName,
			note: `one factor at a time from preset ${presetName}; early fractions ${EARLY.join(', ')} read from the same runs; settle = first step where Spearman(purity at t, final purity) ≥ ${SETTLE_LEVEL}`,
			earlyFractions: EARLY,
			settleLevel: SETTLE_LEVEL,
			base,
			settings,
			runs: []
		};
		for (const s of settings) {
			for (const seed of seeds) {
				const t0 = Date.now();
				const r = await runLottery(applySetting(base, s), seed, { evalEvery: every, earlyFractions: EARLY });
				doc.runs.push(summary(s.id, r));
				const l = r.lottery['0.05'];
				console.error(
					`${s.id} seed ${seed}: spearman ${l.spearman.toFixed(3)} top/base ${l.ratioToBaseline.toFixed(2)} top/mean ${l.ratioToMean.toFixed(2)} mmcs ${r.final.mmcs.toFixed(3)} dead ${r.final.dead} l0 ${r.final.l0.toFixed(1)} settle ${r.settleStep} (${((Date.now() - t0) / 1000).toFixed(0)} s)`
				);
				write(out, doc);
			}
		}
		return;
	}

	const out = arg('out') ?? 'content/data/sae-lottery-trace.json';
	const runs: LotteryRunResult[] = [];
	for (const seed of seeds) {
		const t0 = Date.now();
		const r = await runLottery(base, seed, { evalEvery: every, earlyFractions: EARLY, beta: true, betaSamples: 1024 });
		runs.push(r);
		const l = r.lottery['0.05'];
		console.error(
			`trace seed ${seed}: spearman ${l.spearman.toFixed(3)} settle ${r.settleStep} crossings ${JSON.stringify(r.crossing)} start ${JSON.stringify(r.rhoStart)} (${((Date.now() - t0) / 1000).toFixed(0)} s)`
		);
		write(out, {
			command,
			date,
			backend,
			preset: presetName,
			note: `purityPct: per evaluation step (rows) and atom (columns), purity in percent, −1 = dead; ρ candidates on the first 1024 evaluation inputs; settle level ${SETTLE_LEVEL}`,
			earlyFractions: EARLY,
			settleLevel: SETTLE_LEVEL,
			config: base,
			runs
		});
	}
}

main().catch((e) => {
	console.error(`study: ${e instanceof Error ? e.message : String(e)}`);
	process.exit(1);
});

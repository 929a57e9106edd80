/**
 * Headless training runs in Node (wasm backend, cpu if wasm fails), with the same code as the browser worker.
 *   npm run train -- grokking|sae|ssl [--preset NAME] [--data synthetic|digits] [--tau T[,U…]] [--steps N] [--seed S | --seeds 1,2,3] [--weight-decay X[,Y…]]
 *                    [--noise X] [--lr X] [--probe-every K] [--stop-after-grok N] [--json] [--out FILE]
 *                    [--schedule 'weightDecay@1500=1;none;…']
 * Prints a progress bar and a summary per run, or JSON lines with --json; --out writes all runs as one document.
 *   npm run train -- table FILE.json   prints the markdown tables of a saved sweep (content/data/README.md).
 *   npm run train -- sae --data acts.npy [--labels labels.npy] [--width M] [--steps N] [--json]   trains the SAE on
 *                    your own activations (docs/your-activations.md).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { HelpRequested, parseTrainArgs, type TrainCliArgs } from '../src/lib/train/node/cli-args';
import type { ToyConfig } from '../src/lib/train/config';
import { FrequencyLotteryRecorder, type FrequencyLotteryRun } from '../src/lib/train/node/frequency-lottery-run';
import { runHeadless, type HeadlessResult } from '../src/lib/train/node/headless';
import { useNodeBackend } from '../src/lib/train/node/node-backend';
import { getPreset } from '../src/lib/train/presets';
import { loadDigitsFromDisk } from '../src/lib/train/node/ssl-digits-node';
import type { Snapshot } from '../src/lib/train/protocol';
import { formatSchedule, type Schedule } from '../src/lib/train/schedule';
import { rescueTable, type RescueDocument } from '../src/lib/content/rescue-table';
import { toColumns, type RunSummary } from '../src/lib/train/run-summary';
import { loadUploadPreset } from './train-upload';
import { grokkingTable, rhoTrajectoryTable, saeTable, type SweepDocument } from '../src/lib/content/sweep-table';
import { sweepProblems } from '../src/lib/content/sweep-validate';
import { cliNumber } from '../src/lib/format/number';
import { sslStepTable, sslTable } from '../src/lib/content/ssl-table';
import { frequencyLotteryTable, keepToFinalTable } from '../src/lib/content/frequency-lottery-table';


let lastDecile = -1;

function progress(s: Snapshot, total: number, label: string): void {
	const width = 30;
	const done = Math.min(1, s.step / total);
	const bar = '#'.repeat(Math.round(done * width)).padEnd(width, ' ');
	const m = s.metrics;
	const detail =
		m.kind === 'grokking'
			? `train ${cliNumber(m.trainAcc, 2)} test ${cliNumber(m.testAcc, 2)}`
			: m.kind === 'ssl'
				? `loss ${cliNumber(m.loss)} kNN ${cliNumber(m.knnAcc, 3)} (raw ${cliNumber(m.rawKnnAcc, 3)})`
				: `mse ${cliNumber(m.mse)} dead ${m.dead} mmcs ${cliNumber(m.mmcs, 2)}`;
	const line = `${label} [${bar}] ${String(s.step).padStart(6)}/${total} ${detail} ρ ${cliNumber(s.probe.rho)}`;
	if (process.stderr.isTTY) {
		process.stderr.write(`\r${line}`);
		return;
	}
	// Not a terminal: one line per tenth of the run.
	const decile = s.step === 0 ? -1 : Math.floor(done * 10);
	if (s.step === 0) lastDecile = -1;
	if (decile > lastDecile || s.step === 0) {
		lastDecile = decile;
		process.stderr.write(`${line}\n`);
	}
}

function printSummary(label: string, r: HeadlessResult): void {
	const s: RunSummary = r.summary;
	const rows: [string, string][] =
		s.toy === 'ssl'
			? [
					['steps run', cliNumber(s.steps)],
					['ρ start / dip (step) / peak (step) / final', `${cliNumber(s.rhoStart)} / ${cliNumber(s.rhoMin)} (${s.rhoMinStep}) / ${cliNumber(s.rhoMax)} (${s.rhoMaxStep}) / ${cliNumber(s.rhoFinal)}`],
					['fold-back 1 − ρ_final/ρ_max', cliNumber(s.foldBack)],
					['onset (first ρ ≥ 1) / crossing after the dip', `${cliNumber(s.onset)} / ${cliNumber(s.crossingAfterDip)} (kNN there ${cliNumber(s.knnAtCrossingAfterDip)})`],
					['kNN start / at onset / max / final', `${cliNumber(s.knnStart)} / ${cliNumber(s.knnAtOnset)} / ${cliNumber(s.knnMax)} / ${cliNumber(s.knnFinal)}`],
					['kNN half rise at', cliNumber(s.knnHalfRise)],
					['raw-input kNN', cliNumber(s.rawKnnAcc)],
					['W/T start / final', `${cliNumber(s.wtStart)} / ${cliNumber(s.wtFinal)}`],
					['effective rank start / final', `${cliNumber(s.effRankStart)} / ${cliNumber(s.effRankFinal)}`],
					['symmetry breaking / lag / shape', `${cliNumber(s.symmetryBreaking)} / ${cliNumber(s.lag)} / ${s.shape}`]
				]
			: s.toy === 'grokking'
			? [
					['steps run', cliNumber(s.steps)],
					['train acc ≥ 99% at', cliNumber(s.train99)],
					['test acc ≥ 50% at', cliNumber(s.test50)],
					['test acc ≥ 95% at', cliNumber(s.test95)],
					['onset (ρ crosses 1)', cliNumber(s.onset)],
					['probe escape', cliNumber(s.escape)],
					['symmetry breaking (W/T)', cliNumber(s.symmetryBreaking)],
					['lag t_sb / t_on', cliNumber(s.lag)],
					['shape', s.shape],
					['ρ after memorisation (median)', cliNumber(s.rhoPlateau)],
					['ρ at test 50%', cliNumber(s.rhoAtTest50)],
					['ρ max / final', `${cliNumber(s.rhoMax)} / ${cliNumber(s.rhoFinal)}`],
					['final train / test acc', `${cliNumber(s.finalTrainAcc)} / ${cliNumber(s.finalTestAcc)}`]
				]
			: [
					['steps run', cliNumber(s.steps)],
					['mse / l0 / dead', `${cliNumber(s.mse)} / ${cliNumber(s.l0)} / ${s.dead}`],
					['MMCS', cliNumber(s.mmcs)],
					['mean purity', cliNumber(s.meanPurity)],
					['lottery early step', cliNumber(s.lottery?.earlyStep)],
					['Spearman(early, final)', cliNumber(s.lottery?.spearman)],
					['top-decile final purity', cliNumber(s.lottery?.topDecilePurity)],
					['÷ baseline', `${cliNumber(s.lottery?.ratioToBaseline)} (baseline ${cliNumber(s.lottery?.baseline)})`],
					['÷ all-atom mean', `${cliNumber(s.lottery?.ratioToMean)} (mean ${cliNumber(s.lottery?.meanPurity)})`],
					['residual ρ start / max / final', `${cliNumber(s.rhoStart)} / ${cliNumber(s.rhoMax)} / ${cliNumber(s.rhoFinal)}`],
					['onset / escape / shape', `${cliNumber(s.onset)} / ${cliNumber(s.escape)} / ${s.shape}`]
				];
	console.log(`\n${label}`);
	for (const [k, v] of rows) console.log(`  ${k.padEnd(32)} ${v}`);
	console.log(`  ${'ms per step / per snapshot'.padEnd(32)} ${cliNumber(r.msPerStep)} / ${cliNumber(r.msPerProbe)}`);
	if (s.stopped) console.log(`  stopped early: ${s.stopped}`);
}

function printFrequencyLottery(f: FrequencyLotteryRun): void {
	const e = f.early;
	console.error(
		`  frequency lottery: keep ${cliNumber(e.keep)} from step ${e.earlyStep} (chance ${cliNumber(e.chance)}, shuffled ${cliNumber(e.shuffled)}), ` +
			`from init ${cliNumber(f.fromStart.keep)}; Spearman ${cliNumber(e.spearman)}; ${e.distinct} distinct of ${e.nAlive} alive; ` +
			`key frequencies ${f.keyFrequenciesStart} → max ${f.keyFrequenciesMax} → ${f.keyFrequenciesFinal}; ` +
			`median decision step ${cliNumber(f.medianDecision)} (onset ${cliNumber(f.onset)}, decided by onset ${cliNumber(f.decidedByOnset)})`
	);
}

/** JSON lines keep the grokking readouts' numbers, not their per-pair / per-neuron arrays (tens of kB a snapshot). */
function compactReadouts(s: Snapshot): unknown {
	if (s.metrics.kind !== 'grokking' || !s.metrics.readouts) return s;
	const { keyFrequencies, embeddingKeyFrequencies, testCorrect, trainCorrect, keepFromStart, lottery } = s.metrics.readouts;
	return { ...s, metrics: { ...s.metrics, readouts: { keyFrequencies, embeddingKeyFrequencies, testCorrect, trainCorrect, keepFromStart, lottery } } };
}

/** Typed arrays → plain arrays for JSON. */
function jsonReplacer(_k: string, v: unknown): unknown {
	return ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v;
}

async function main(args: TrainCliArgs): Promise<void> {
	const { backend, note } = await useNodeBackend(args.backend);
	const defaultPreset = args.toy === 'grokking' ? 'grokking-59' : args.toy === 'ssl' ? (args.data === 'digits' ? 'ssl-digits' : 'ssl') : 'sae';
	// sae --data FILE.npy trains on your activations (docs/your-activations.md); ssl --data picks its data source.
	const upload = args.toy === 'sae' && args.data ? loadUploadPreset(args.data, args.labels, args.width) : null;
	const preset = upload?.preset ?? getPreset(args.preset ?? defaultPreset, args.toy);
	const base: ToyConfig = preset.config;
	if (base.toy === 'ssl') {
		if (args.data !== null && args.data !== base.data) throw new Error(`preset ${preset.name} uses --data ${base.data}, not ${args.data}`);
		if (base.data === 'digits') loadDigitsFromDisk();
	}
	if (args.steps !== null) base.steps = args.steps[0];
	if (args.probeEvery !== null) base.probeEvery = args.probeEvery;
	if (args.noise !== null) base.hyper.noise = args.noise;
	if (args.lr !== null) base.hyper.lr = args.lr;
	const decays = args.weightDecays ?? [base.hyper.weightDecay];
	// SSL sweeps τ instead of weight decay (one weight decay then).
	const variants: { wd: number; tau?: number }[] =
		base.toy === 'ssl' && args.taus ? args.taus.map((tau) => ({ wd: decays[0], tau })) : decays.map((wd) => ({ wd }));
	if (!args.json) console.error(`backend: ${note}; preset ${preset.name} (${preset.label})`);

	if (args.trainFractions && base.toy !== 'grokking') throw new Error('--train-fraction applies to grokking only');
	// One pass per train fraction (the preset's own when --train-fraction is not given).
	const fractions: (number | null)[] = args.trainFractions ?? [null];

	const runs: unknown[] = [];
	const schedules: (Schedule | null)[] = args.schedules ?? [null];
	for (const fraction of fractions)
	for (const [i, { wd, tau }] of variants.entries()) {
		for (const schedule of schedules) for (const seed of args.seeds) {
			const config: ToyConfig = structuredClone(base);
			config.hyper.weightDecay = wd;
			if (fraction !== null && config.toy === 'grokking') config.trainFraction = fraction;
			if (config.toy === 'ssl' && tau !== undefined) config.tau = tau;
			if (args.steps && args.steps.length > 1) config.steps = args.steps[i];
			const label = `${args.toy} ${preset.name}${fraction !== null ? ` frac ${fraction}` : ''} seed ${seed} wd ${wd}${config.toy === 'ssl' ? ` τ ${config.tau}` : ''}${schedule ? ` schedule ${formatSchedule(schedule) || 'none'}` : ''}`;
			const lotteryRecorder = new FrequencyLotteryRecorder();
			const result = await runHeadless(config, seed, {
				steps: config.steps,
				schedule: schedule ?? undefined,
				stopAfterGrok: args.stopAfterGrok ?? undefined,
				data: upload?.uploaded ?? null,
				stopAfterSb: args.stopAfterSb ?? undefined,
				onSnapshot: (s) => {
					lotteryRecorder.add(s);
					if (args.json) {
						const top = s.metrics.kind === 'ssl' ? { tau: config.toy === 'ssl' ? config.tau : undefined, step: s.step, rho: s.probe.rho, knnAcc: s.metrics.knnAcc } : {};
						console.log(JSON.stringify({ type: 'snapshot', seed, weightDecay: wd, ...top, snapshot: compactReadouts(s) }, jsonReplacer));
					}
					else progress(s, config.steps, label);
				}
			});
			// Grokking: the frequency lottery inside the run (frequency-lottery-run.ts); null for the SAE.
			const frequencyLottery = lotteryRecorder.summary(result.summary.onset);
			if (frequencyLottery) printFrequencyLottery(frequencyLottery);
			if (args.json) console.log(JSON.stringify({ type: 'summary', seed, weightDecay: wd, summary: result.summary, msPerStep: result.msPerStep, msPerProbe: result.msPerProbe }));
			else {
				if (process.stderr.isTTY) process.stderr.write('\n');
				printSummary(label, result);
			}
			runs.push({
				seed,
				weightDecay: wd,
				...(config.toy === 'grokking' ? { trainFraction: config.trainFraction } : {}),
				...(config.toy === 'ssl' ? { tau: config.tau, data: config.data } : {}),
				...(schedule ? { schedule: formatSchedule(schedule) || 'none' } : {}),
				stepBudget: config.steps,
				summary: result.summary,
				msPerStep: result.msPerStep,
				msPerProbe: result.msPerProbe,
				trajectory: toColumns(result.records),
				...(frequencyLottery ? { frequencyLottery } : {})
			});
		}
	}
	if (args.out) {
		mkdirSync(dirname(args.out), { recursive: true });
		const doc = {
			// Quoted where a shell would split or expand (a schedule list holds ';'), so the command can be pasted back.
			command: `npm run train -- ${process.argv.slice(2).map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a}'`)).join(' ')}`,
			date: new Date().toISOString(),
			backend,
			backendNote: note,
			preset: preset.name,
			config: base,
			runs
		};
		writeFileSync(args.out, JSON.stringify(doc, jsonReplacer) + '\n');
		if (!args.json) console.error(`wrote ${args.out}`);
	}
}

/** `npm run train -- table FILE`: the markdown tables of a saved sweep. */
function printTables(file: string): void {
	const doc = JSON.parse(readFileSync(file, 'utf8')) as SweepDocument;
	const problems = sweepProblems(doc);
	if (problems.length > 0) throw new Error(`${file} is not a sound sweep:\n  ${problems.join('\n  ')}`);
	console.log(`Made by \`${doc.command}\` on ${doc.date.slice(0, 10)} (${doc.backend}, preset ${doc.preset}).\n`);
	if (doc.runs.some((r) => 'schedule' in r)) {
		// Runs with schedules (e.g. grokking-rescue.json): one row per schedule.
		console.log(rescueTable(doc as RescueDocument));
	} else if (doc.runs[0]?.summary.toy === 'grokking') {
		console.log(grokkingTable(doc));
		console.log('');
		console.log(rhoTrajectoryTable(doc, [0, 50, 100, 250, 500, 1000, 2000, 3000, 5000]));
		if (doc.runs.some((r) => 'frequencyLottery' in r)) {
			console.log(`\n${frequencyLotteryTable([doc])}\n`);
			console.log(keepToFinalTable([doc], [0, 50, 75, 100, 150, 250, 500, 1000, 1500, 2000]));
		}
	} else if (doc.runs[0]?.summary.toy === 'ssl') {
		console.log(sslTable([doc]));
		console.log('');
		console.log(sslStepTable([doc], [0, 10, 25, 50, 100, 200, 500, 1000, 1500]));
	} else console.log(saeTable(doc));
}

let parsed: TrainCliArgs;
try {
	if (process.argv[2] === 'table') {
		if (!process.argv[3]) throw new Error('usage: npm run train -- table FILE.json');
		printTables(process.argv[3]);
		process.exit(0);
	}
	parsed = parseTrainArgs(process.argv.slice(2));
} catch (e) {
	if (e instanceof HelpRequested) {
		console.log(e.message);
		process.exit(0);
	}
	console.error(e instanceof Error ? e.message : String(e));
	process.exit(2);
}
main(parsed).catch((e) => {
	console.error(`train: ${e instanceof Error ? e.message : String(e)}`);
	process.exit(1);
});

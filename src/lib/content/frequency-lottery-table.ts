/**
 * The frequency-lottery table of the article (docs/theory.md §10), computed from saved grokking runs that carry a
 * `frequencyLottery` record (npm run train writes it): one row per weight decay, each statistic as the range over seeds.
 */
import type { FrequencyLotteryRun } from '../train/node/frequency-lottery-run';
import type { GrokkingSummary } from '../train/run-summary';
import { range, type SweepDocument } from './sweep-table';

export type LotteryRunRecord = SweepDocument['runs'][number] & { frequencyLottery?: FrequencyLotteryRun };

const pct = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? Math.round(1000 * v) / 10 : null);

export function frequencyLotteryTable(docs: SweepDocument[]): string {
	const runs = docs.flatMap((d) => d.runs as LotteryRunRecord[]).filter((r) => r.frequencyLottery);
	const decays = [...new Set(runs.map((r) => r.weightDecay))].sort((a, b) => a - b);
	const lines = [
		'| weight decay | seeds | steps run | final test acc | early step (5%) | kept early winner % | chance % | shuffled % | kept step-0 winner % | Spearman early/final power | distinct winners (alive) | frequencies holding 90%: start → max → final | ρ crosses 1 | median step winner decided | decided by ρ = 1 % |',
		'|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|'
	];
	for (const wd of decays) {
		const rs = runs.filter((r) => r.weightDecay === wd);
		const f = rs.map((r) => r.frequencyLottery!);
		const s = rs.map((r) => r.summary as GrokkingSummary);
		const key = `${range(f.map((x) => x.keyFrequenciesStart))} → ${range(f.map((x) => x.keyFrequenciesMax))} → ${range(f.map((x) => x.keyFrequenciesFinal))}`;
		// Rows whose runs stopped before generalising are marked: their "final" winners are the memorisation plateau's.
		const mark = s.some((x) => x.finalTestAcc < 0.5) ? ' (stopped before generalising)' : '';
		lines.push(
			`| ${wd}${mark} | ${rs.map((r) => r.seed).join(',')} | ${range(s.map((x) => x.steps))} | ${range(s.map((x) => x.finalTestAcc), 3)} | ${range(f.map((x) => x.early.earlyStep))} | ${range(f.map((x) => pct(x.early.keep)), 1)} | ${range(f.map((x) => pct(x.early.chance)), 1)} | ${range(f.map((x) => pct(x.early.shuffled)), 1)} | ${range(f.map((x) => pct(x.fromStart.keep)), 1)} | ${range(f.map((x) => x.early.spearman), 2)} | ${range(f.map((x) => x.early.distinct))} (${range(f.map((x) => x.early.nAlive))}) | ${key} | ${range(s.map((x) => x.onset), 0)} | ${range(f.map((x) => x.medianDecision), 0)} | ${range(f.map((x) => pct(x.decidedByOnset)), 0)} |`
		);
	}
	return lines.join('\n');
}

/** Share of neurons already on their final winner at fixed steps (%, range over seeds; "–" past a run's end). */
export function keepToFinalTable(docs: SweepDocument[], steps: number[]): string {
	const runs = docs.flatMap((d) => d.runs as LotteryRunRecord[]).filter((r) => r.frequencyLottery);
	const decays = [...new Set(runs.map((r) => r.weightDecay))].sort((a, b) => a - b);
	const lines = [`| weight decay | ${steps.map((s) => `% @ step ${s}`).join(' | ')} |`, `|---|${steps.map(() => '---').join('|')}|`];
	for (const wd of decays) {
		const rs = runs.filter((r) => r.weightDecay === wd);
		const cells = steps.map((st) =>
			range(
				rs.map((r) => {
					const c = r.frequencyLottery!.columns;
					const i = c.step.indexOf(st);
					return i < 0 ? null : pct(c.keepToFinal[i]);
				}),
				1
			)
		);
		const mark = rs.some((r) => (r.summary as GrokkingSummary).finalTestAcc < 0.5) ? ' (stopped before generalising)' : '';
		lines.push(`| ${wd}${mark} | ${cells.join(' | ')} |`);
	}
	return lines.join('\n');
}

/**
 * The frequency lottery of a whole run, after the fact (the CLI's measurement; docs/theory.md §10): records each
 * snapshot's per-neuron dominant frequencies and, at the end, compares the winners at 5% of the steps actually run
 * with the final ones, and finds when each neuron's winner was decided relative to the probe's crossing ρ = 1.
 */
import {
	aliveMask,
	decisionSteps,
	EARLY_FRACTION,
	frequencyLotteryStats,
	keepToFinal,
	type FrequencyLotteryStats
} from '../frequency-lottery';
import type { Snapshot } from '../protocol';

export interface FrequencyLotteryRun {
	steps: number;
	/** Lottery between the snapshot nearest 5% of the run and the last snapshot. */
	early: FrequencyLotteryStats;
	/** The same with step 0 (the initialisation) as "early". */
	fromStart: FrequencyLotteryStats;
	/** Median step from which a neuron's dominant frequency stays its final one (alive neurons). */
	medianDecision: number | null;
	/** Share of alive neurons decided at or before the probe's onset (ρ crosses 1); null without an onset. */
	decidedByOnset: number | null;
	onset: number | null;
	/** Fewest frequencies holding 90% of the neurons' input-weight power: at step 0, at the maximum, at the end. */
	keyFrequenciesStart: number;
	keyFrequenciesMax: number;
	keyFrequenciesFinal: number;
	/** Per snapshot: step, key frequencies (neurons, embedding), share of alive neurons already on their final winner. */
	columns: { step: number[]; keyFrequencies: number[]; embeddingKeyFrequencies: number[]; keepToFinal: number[] };
}

interface Row {
	step: number;
	winner: Uint8Array;
	winnerPower: Float32Array;
	strength: Float32Array;
	key: number;
	embKey: number;
}

export class FrequencyLotteryRecorder {
	private rows: Row[] = [];
	private K = 0;

	add(s: Snapshot): void {
		if (s.metrics.kind !== 'grokking' || !s.metrics.readouts) return;
		const r = s.metrics.readouts;
		this.K = r.K;
		this.rows.push({
			step: s.step,
			winner: r.winner.slice(),
			winnerPower: r.winnerPower.slice(),
			strength: r.neuronStrength.slice(),
			key: r.keyFrequencies,
			embKey: r.embeddingKeyFrequencies
		});
	}

	summary(onset: number | null): FrequencyLotteryRun | null {
		const rows = this.rows;
		if (rows.length < 2) return null;
		const last = rows[rows.length - 1];
		const target = EARLY_FRACTION * last.step;
		let early = rows[0];
		for (const r of rows) if (Math.abs(r.step - target) < Math.abs(early.step - target)) early = r;
		const alive = aliveMask(last.strength);
		const stats = (e: Row) => frequencyLotteryStats(e.step, e.winner, e.winnerPower, last.winner, last.winnerPower, alive, this.K);
		const steps = rows.map((r) => r.step);
		const decided = decisionSteps(
			steps,
			rows.map((r) => r.winner)
		).filter((_, j) => alive[j] === 1);
		const sorted = Array.from(decided).sort((x, y) => x - y);
		const median = sorted.length ? (sorted[(sorted.length - 1) >> 1] + sorted[sorted.length >> 1]) / 2 : null;
		return {
			steps: last.step,
			early: stats(early),
			fromStart: stats(rows[0]),
			medianDecision: median,
			decidedByOnset: onset === null || !sorted.length ? null : sorted.filter((d) => d <= onset).length / sorted.length,
			onset,
			keyFrequenciesStart: rows[0].key,
			keyFrequenciesMax: Math.max(...rows.map((r) => r.key)),
			keyFrequenciesFinal: last.key,
			columns: {
				step: steps,
				keyFrequencies: rows.map((r) => r.key),
				embeddingKeyFrequencies: rows.map((r) => r.embKey),
				keepToFinal: Array.from(
					keepToFinal(
						rows.map((r) => r.winner),
						alive
					),
					(v) => Number(v.toFixed(4))
				)
			}
		};
	}
}

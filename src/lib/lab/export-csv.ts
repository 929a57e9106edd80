/**
 * CSV of every snapshot series of the live run and the pinned ones: one row per (run, snapshot), long format so a
 * spreadsheet or pandas can pivot it. Grokking runs add what the network learned per snapshot (test share right in the
 * prediction table, key frequencies, frequency keep share; empty before the lottery's early step). Pure.
 */
import type { LabSeries } from './lab-series';

export interface CsvRun {
	run: string;
	series: LabSeries;
	weightDecay: readonly number[];
	noise: readonly number[];
	lr: readonly number[];
}

const SERIES_COLUMNS = ['rho', 'beta', 'betaC', 'hessianMin', 'wt', 'kEff', 'trainAcc', 'testAcc', 'trainLoss', 'testLoss', 'mse', 'l0', 'dead', 'mmcs', 'meanPurity', 'testCorrect', 'keyFrequencies', 'frequencyKeep'] as const;
export const CSV_HEADER = ['run', 'step', ...SERIES_COLUMNS, 'weightDecay', 'noise', 'lr'];

/** Quote a field when it holds a comma, quote or newline (RFC 4180). */
function field(v: string | number): string {
	if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
	return /[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

export function runsToCsv(runs: readonly CsvRun[]): string {
	const lines = [CSV_HEADER.join(',')];
	for (const r of runs) {
		r.series.steps.forEach((step, i) => {
			const row: (string | number)[] = [r.run, step, ...SERIES_COLUMNS.map((c) => r.series[c][i]), r.weightDecay[i], r.noise[i], r.lr[i]];
			lines.push(row.map(field).join(','));
		});
	}
	return lines.join('\n') + '\n';
}

/**
 * The article's data tables, computed at build time from the measured runs in content/data (never typed by hand).
 * Each table is followed by the command and date that produced its data.
 */
import { forecastRunsTable, forecastScoresTable, forecastSensitivityTable } from '$lib/forecast/forecast-table';
import type { ForecastFitDocument } from '$lib/forecast/fit-document';
import { rescueTable, type RescueDocument } from './rescue-table';
import { grokkingTable, rhoTrajectoryTable, saeTable, type SweepDocument } from '$lib/content/sweep-table';
import { storyTables } from './story-tables';
import { sslStepTable, sslTable } from '$lib/content/ssl-table';
import { betaTable, studyTable, studyVerdict, type TraceDocument } from '$lib/content/study-table';
import type { StudyDocument } from '$lib/train/node/sae-study';
import { frequencyLotteryTable, keepToFinalTable } from '$lib/content/frequency-lottery-table';
import { transformerBrowserTable, transformerTable, type TransformerDocument } from './transformer-table';

function provenance(doc: SweepDocument & { backendNote?: string }): string {
	return `\n\n<p class="provenance">Measured with <code>${doc.command}</code> on ${doc.date.slice(0, 10)} (backend ${doc.backend}, preset ${doc.preset}); data: <code>content/data</code>.</p>`;
}

/** Tables by name for `::table{name}`, from the JSON documents found in content/data. */
export function dataTables(docs: Record<string, SweepDocument>): Record<string, string> {
	const out: Record<string, string> = {};
	const grok = docs['grokking-sweep'];
	if (grok) {
		out['grokking-sweep'] = grokkingTable(grok) + provenance(grok);
		out['grokking-rho'] = rhoTrajectoryTable(grok, [0, 50, 100, 250, 500, 1000, 2000, 5000]) + provenance(grok);
	}
	const fc = docs['forecast-fit'] as unknown as (ForecastFitDocument & { command: string; date: string }) | undefined;
	if (fc) {
		const src = `\n\n<p class="provenance">Sweep: <code>${fc.source.command}</code> (${fc.source.date.slice(0, 10)}, backend ${fc.source.backend}, preset ${fc.source.preset}); fit: <code>${fc.command}</code>; data: <code>content/data</code>.</p>`;
		out['forecast-scores'] = forecastScoresTable(fc) + src;
		out['forecast-runs'] = forecastRunsTable(fc.runs) + src;
		out['forecast-sensitivity'] = forecastSensitivityTable(fc) + src;
		if (fc.transfer) {
			const t = fc.transfer.source;
			out['forecast-transfer'] =
				forecastRunsTable(fc.transfer.runs) +
				`\n\n<p class="provenance">Runs: <code>${t.command}</code> (${t.date.slice(0, 10)}, backend ${t.backend}, preset ${t.preset}); predictors read by <code>${fc.command}</code>.</p>`;
		}
	}
	const sae = docs['sae-lottery'];
	if (sae) out['sae-lottery'] = saeTable(sae) + provenance(sae);
	// Shapes and the paper-vs-us table (content/08-shapes.md, content/13-paper.md).
	Object.assign(out, storyTables(docs));
	// SSL (issue 7 §1): seeds per data source, and the τ sweep.
	const ssl = ['ssl-synthetic', 'ssl-digits', 'ssl-tau'].map((k) => docs[k]).filter((d): d is SweepDocument => d !== undefined);
	if (ssl.length) {
		const prov = ssl.map(provenance).join('');
		out['ssl-runs'] = sslTable(ssl) + prov;
		out['ssl-steps'] = sslStepTable(ssl, [0, 10, 25, 50, 100, 200, 500, 1000, 1500]) + prov;
	}
	// The lottery study and the SAE β comparison (docs/theory.md §6, §3).
	const study = docs['sae-lottery-study'] as unknown as StudyDocument | undefined;
	if (study) {
		out['sae-lottery-study'] = studyTable(study) + provenance(study as unknown as SweepDocument);
		out['sae-lottery-verdict'] = studyVerdict(study);
	}
	const trace = docs['sae-lottery-trace'] as unknown as TraceDocument | undefined;
	if (trace) out['sae-beta'] = betaTable(trace) + provenance(trace as unknown as SweepDocument);
	// Intervention: weight decay switched on in a stuck run (content/12-intervention.md).
	const rescue = docs['grokking-rescue'] as RescueDocument | undefined;
	const control = docs['grokking-small-wd1'] as RescueDocument | undefined;
	if (rescue) out['grokking-rescue'] = rescueTable(rescue, control) + provenance(rescue) + (control ? provenance(control) : '');
	// The frequency lottery inside grokking: weight decay 1 and 3, and 0.3 (capped) in a file of its own.
	const lotteryDocs = ['frequency-lottery', 'frequency-lottery-wd03'].map((n) => docs[n]).filter((d) => d !== undefined);
	if (lotteryDocs.length) {
		out['frequency-lottery'] = frequencyLotteryTable(lotteryDocs) + lotteryDocs.map(provenance).join('');
		out['frequency-lottery-decided'] = keepToFinalTable(lotteryDocs, [0, 50, 75, 100, 150, 250, 500, 1000, 1500, 2000]);
	}
	const small = docs['frequency-lottery-small'];
	if (small) out['frequency-lottery-small'] = frequencyLotteryTable([small]) + provenance(small);
	// Issue 12 §3: would a one-layer Transformer preset grok within 2× the MLP's time? (scripts/experiments)
	const transformer = docs['transformer-grokking'] as unknown as TransformerDocument | undefined;
	if (transformer) {
		out['transformer-grokking'] = transformerTable(transformer);
		if (transformer.browser) out['transformer-grokking-browser'] = transformerBrowserTable(transformer);
	}
	return out;
}

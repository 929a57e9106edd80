/**
 * The article's data tables, computed at build time from the measured runs in content/data (never typed by hand).
 * Each table is followed by the command and date that produced its data.
 */
import { grokkingTable, rhoTrajectoryTable, saeTable, type SweepDocument } from '$lib/train/sweep-table';
import { frequencyLotteryTable, keepToFinalTable } from '$lib/train/frequency-lottery-table';

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
	const sae = docs['sae-lottery'];
	if (sae) out['sae-lottery'] = saeTable(sae) + provenance(sae);
	// The frequency lottery inside grokking: weight decay 1 and 3, and 0.3 (capped) in a file of its own.
	const lotteryDocs = ['frequency-lottery', 'frequency-lottery-wd03'].map((n) => docs[n]).filter((d) => d !== undefined);
	if (lotteryDocs.length) {
		out['frequency-lottery'] = frequencyLotteryTable(lotteryDocs) + lotteryDocs.map(provenance).join('');
		out['frequency-lottery-decided'] = keepToFinalTable(lotteryDocs, [0, 50, 75, 100, 150, 250, 500, 1000, 1500, 2000]);
	}
	const small = docs['frequency-lottery-small'];
	if (small) out['frequency-lottery-small'] = frequencyLotteryTable([small]) + provenance(small);
	return out;
}

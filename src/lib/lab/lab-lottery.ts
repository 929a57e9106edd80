/**
 * The lottery figure's data from the lab's live SAE snapshots: every atom's purity at (at most `maxColumns`) buffered
 * snapshots, always keeping the early snapshot and the newest one ("final" = now). Pure.
 */
import type { LotteryData } from '$lib/figures/lottery/lottery-data';
import type { Snapshot } from '$lib/train/protocol';

/** Evenly spaced indices into n items, at most max of them, always with the first, last and `keep`. */
export function thinIndices(n: number, max: number, keep: number[] = []): number[] {
	if (n <= 0) return [];
	const out = new Set<number>([0, n - 1, ...keep.filter((k) => k >= 0 && k < n)]);
	const slots = Math.max(2, max - out.size);
	for (let k = 0; k < slots; k++) out.add(Math.round((k * (n - 1)) / (slots - 1)));
	return [...out].sort((a, b) => a - b);
}

export type LabLottery = { ok: true; data: LotteryData } | { ok: false; reason: string };

export function labLotteryData(snaps: readonly Snapshot[], earlyStep: number, maxColumns = 60): LabLottery {
	const sae = snaps.filter((s) => s.metrics.kind === 'sae');
	const last = sae.at(-1);
	if (!last || last.metrics.kind !== 'sae') return { ok: false, reason: 'Waiting for the first SAE snapshot…' };
	if (last.step < earlyStep) return { ok: false, reason: `The lottery's early step is ${earlyStep} (5% of the run); now at step ${last.step}.` };
	const early = sae.findIndex((s) => s.step === earlyStep);
	if (early < 0) return { ok: false, reason: `The snapshot at the early step ${earlyStep} is no longer in the buffer (reset to see it).` };
	const baseline = last.metrics.lottery?.baseline;
	if (baseline === undefined || !Number.isFinite(baseline)) return { ok: false, reason: 'No chance baseline yet.' };
	const cols = thinIndices(sae.length, maxColumns, [early]);
	const m = last.metrics.purity.length;
	const purity = Array.from({ length: m }, (_, j) =>
		cols.map((i) => {
			const mt = sae[i].metrics;
			return mt.kind === 'sae' && mt.alive[j] ? mt.purity[j] : NaN;
		})
	);
	return { ok: true, data: { steps: cols.map((i) => sae[i].step), purity, baseline, earlyStep } };
}

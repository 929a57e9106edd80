/** The one-sentence summary read out by screen readers (polite live region, refreshed at most once a second). */
import type { Snapshot } from '$lib/train/protocol';
import { fmt } from '$lib/format/number';

export function liveSummary(step: number, running: boolean, snap: Snapshot | null): string {
	const state = running ? 'Training' : 'Paused';
	if (!snap) return `${state}, step ${step}.`;
	const m = snap.metrics;
	const metrics =
		m.kind === 'grokking'
			? `train accuracy ${fmt(m.trainAcc * 100, 3)}%, test accuracy ${fmt(m.testAcc * 100, 3)}%`
			: m.kind === 'ssl'
				? `kNN accuracy ${fmt(m.knnAcc * 100, 3)}% (raw inputs ${fmt(m.rawKnnAcc * 100, 3)}%)`
				: `reconstruction error ${fmt(m.mse, 3)}, MMCS ${fmt(m.mmcs, 3)}`;
	return `${state}, step ${step}: ρ = ${fmt(snap.probe.rho, 3)}, ${metrics}.`;
}

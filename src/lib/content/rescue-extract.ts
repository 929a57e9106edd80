/**
 * Build step: content/data/grokking-rescue.json → the trimmed trajectories the `rescue` figure fetches
 * (static/data/grokking-rescue.json): per run its seed, schedule text, switch step, ρ(t) and test accuracy(t).
 */
import { extractTrajectories, type TrajectoryFile, type TrajectoryRun } from './trajectory-extract';
import { switchOf, type RescueDocument } from './rescue-table';
import type { SweepDocument } from '$lib/content/sweep-table';

export interface RescueRun extends TrajectoryRun {
	/** Schedule text ('none': never switched). */
	schedule: string;
	/** Step at which weight decay switched on, or null. */
	switchStep: number | null;
	/** The weight decay switched to, or null. */
	switchValue: number | null;
}

export interface RescueFile extends Omit<TrajectoryFile, 'runs'> {
	runs: RescueRun[];
}

export function extractRescue(doc: RescueDocument): RescueFile {
	const base = extractTrajectories(doc as SweepDocument);
	return {
		...base,
		runs: base.runs.map((r, i) => {
			const schedule = doc.runs[i].schedule ?? 'none';
			const sw = switchOf(schedule);
			return { ...r, schedule, switchStep: sw?.step ?? null, switchValue: sw?.value ?? null };
		})
	};
}

/**
 * The check a saved sweep (content/data/*.json written by `npm run train -- … --out`) must pass before anything
 * quotes it: provenance present, every run seeded, every trajectory column as long as its steps, steps increasing,
 * and each summary consistent with its own trajectory. `npm run train -- table FILE` refuses a file that fails.
 */
import type { SweepDocument } from './sweep-table';

/** The problems found, one sentence each; empty when the file is sound. */
export function sweepProblems(doc: SweepDocument): string[] {
	const problems: string[] = [];
	for (const key of ['command', 'date', 'backend'] as const) {
		if (typeof doc[key] !== 'string' || doc[key].length === 0) problems.push(`no ${key} recorded`);
	}
	if (typeof doc.date === 'string' && Number.isNaN(Date.parse(doc.date))) problems.push(`date "${doc.date}" is not a date`);
	if (!Array.isArray(doc.runs) || doc.runs.length === 0) return [...problems, 'no runs'];
	doc.runs.forEach((run, r) => {
		const where = `run ${r} (seed ${run.seed})`;
		if (!Number.isInteger(run.seed)) problems.push(`${where}: seed is not an integer`);
		if (!run.summary || typeof run.summary.toy !== 'string') problems.push(`${where}: no summary`);
		const traj = run.trajectory;
		if (!traj) return;
		const steps = traj.step;
		if (!Array.isArray(steps) || steps.length === 0) {
			problems.push(`${where}: trajectory has no steps`);
			return;
		}
		for (const [name, column] of Object.entries(traj)) {
			if (!Array.isArray(column) || column.length !== steps.length) {
				problems.push(`${where}: column ${name} has ${Array.isArray(column) ? column.length : 'no'} values for ${steps.length} steps`);
			}
		}
		for (let i = 1; i < steps.length; i++) {
			if (!((steps[i] as number) > (steps[i - 1] as number))) {
				problems.push(`${where}: steps do not increase at index ${i} (${steps[i - 1]} → ${steps[i]})`);
				break;
			}
		}
		if (run.summary && run.summary.steps !== steps[steps.length - 1]) {
			problems.push(`${where}: summary says ${run.summary.steps} steps, trajectory ends at ${steps[steps.length - 1]}`);
		}
	});
	return problems;
}

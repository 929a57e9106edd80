/**
 * The "rescue a stuck run" table, computed from content/data/grokking-rescue.json (`npm run train -- … --schedule`):
 * per schedule (weight decay 0, then weight decay w from step S; or never switched), the range over seeds of ρ at the
 * switch, the largest ρ after it, ρ at the end, the test-accuracy steps and the weight norm. Pure: JSON in, Markdown out.
 */
import { parseSchedule } from '$lib/train/schedule';
import type { GrokkingSummary } from '$lib/train/run-summary';
import { range, rhoAt, type SweepDocument } from '$lib/content/sweep-table';

export type RescueDocument = Omit<SweepDocument, 'runs'> & { runs: (SweepDocument['runs'][number] & { schedule?: string })[] };

const ANY = { min: 0, max: Infinity };

/** The weight-decay switch of a schedule text: { step, value }, or null for 'none'. */
export function switchOf(schedule: string | undefined): { step: number; value: number } | null {
	const e = parseSchedule(schedule === 'none' ? '' : schedule, { weightDecay: ANY, noise: ANY, lr: ANY }).schedule.find((x) => x.key === 'weightDecay');
	return e ? { step: e.step, value: e.value } : null;
}

/** Largest ρ strictly after `step` in a trajectory (null without snapshots there). */
export function rhoMaxAfter(traj: Record<string, (number | null)[]> | undefined, step: number): number | null {
	if (!traj) return null;
	let max: number | null = null;
	traj.step.forEach((s, i) => {
		const r = traj.rho[i];
		if (s !== null && s > step && r !== null && (max === null || r > max)) max = r;
	});
	return max;
}

/**
 * `control`: runs with the switched-to weight decay from step 0 (another file), shown as a last row so the time from
 * the switch to generalisation can be read against the time a run needs with that weight decay from the start.
 */
export function rescueTable(doc: RescueDocument, control?: RescueDocument): string {
	const schedules = [...new Set(doc.runs.map((r) => r.schedule ?? 'none'))];
	const lines = [
		'| weight decay | seeds | ρ at the switch | largest ρ after the switch | ρ at the end | test 50% at | test 95% at | steps from switch to test 95% | final test acc | steps run |',
		'|---|---|---|---|---|---|---|---|---|---|'
	];
	for (const sched of schedules) {
		const runs = doc.runs.filter((r) => (r.schedule ?? 'none') === sched);
		const s = runs.map((r) => r.summary as GrokkingSummary);
		const sw = switchOf(sched);
		const start = runs[0].weightDecay;
		const label = sw ? `${start}, then ${sw.value} from step ${sw.step}` : `${start} throughout (never switched)`;
		const atSwitch = sw ? range(runs.map((r) => rhoAt(r.trajectory, sw.step)), 2) : '–';
		const after = sw ? range(runs.map((r) => rhoMaxAfter(r.trajectory, sw.step)), 2) : range(s.map((x) => x.rhoMax), 1);
		const delay = sw ? range(s.map((x) => (x.test95 === null ? null : x.test95 - sw.step))) : '–';
		lines.push(
			`| ${label} | ${runs.map((r) => r.seed).join(',')} | ${atSwitch} | ${after} | ${range(s.map((x) => x.rhoFinal), 2)} | ${range(s.map((x) => x.test50))} | ${range(s.map((x) => x.test95))} | ${delay} | ${range(s.map((x) => x.finalTestAcc), 3)} | ${range(s.map((x) => x.steps))} |`
		);
	}
	if (control) {
		const c = control.runs.map((r) => r.summary as GrokkingSummary);
		lines.push(
			`| ${control.runs[0].weightDecay} from the start (control) | ${control.runs.map((r) => r.seed).join(',')} | – | ${range(c.map((x) => x.rhoMax), 2)} | ${range(c.map((x) => x.rhoFinal), 2)} | ${range(c.map((x) => x.test50))} | ${range(c.map((x) => x.test95))} | ${range(c.map((x) => x.test95))} (from step 0) | ${range(c.map((x) => x.finalTestAcc), 3)} | ${range(c.map((x) => x.steps))} |`
		);
	}
	return lines.join('\n');
}

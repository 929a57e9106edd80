/**
 * The "Transformer or MLP?" table, computed from content/data/transformer-grokking.json
 * (scripts/experiments/transformer-grokking.ts): per model, steps and training seconds to test accuracy 95% on
 * grokking-small's task, and the time as a multiple of the MLP's — the 2× bar a Transformer preset had to clear.
 * Pure: JSON in, Markdown out.
 */
export interface TransformerRun {
	model: string;
	params: number;
	stepsRun: number;
	msPerStep: number;
	stepTo95: number | null;
	secondsTo95: number | null;
	trainSeconds: number;
	finalTestAcc: number;
	stoppedBy: 'target' | 'steps' | 'minutes';
}

export interface TransformerDocument {
	command: string;
	date: string;
	backend: string;
	task: { p: number; trainFraction: number; seed: number };
	runs: TransformerRun[];
}

const f = (x: number, digits = 3) => String(Number(x.toPrecision(digits)));

/** The first run is the MLP (the baseline); each later run's time to 95% is given as a multiple of it. */
export function transformerTable(doc: TransformerDocument): string {
	const mlp = doc.runs[0];
	const head = '| model | parameters | steps to test 95% | training time to 95% | ms per step | time ÷ MLP time |\n|---|---|---|---|---|---|';
	const rows = doc.runs.map((r, i) => {
		const reached = r.stepTo95 !== null && r.secondsTo95 !== null;
		const steps = reached ? String(r.stepTo95) : `not reached in ${r.stepsRun} (test ${f(r.finalTestAcc * 100)}%)`;
		const time = reached ? `${f(r.secondsTo95!)} s` : `> ${f(r.trainSeconds)} s`;
		let ratio = '1 (baseline)';
		if (i > 0) {
			if (mlp.secondsTo95 === null) ratio = '—';
			else ratio = `${reached ? '' : '> '}${f((reached ? r.secondsTo95! : r.trainSeconds) / mlp.secondsTo95, 2)}×`;
		}
		return `| ${r.model} | ${r.params} | ${steps} | ${time} | ${f(r.msPerStep)} | ${ratio} |`;
	});
	const prov = `\n\n<p class="provenance">Measured with <code>${doc.command}</code> on ${doc.date.slice(0, 10)} (backend ${doc.backend}; p = ${doc.task.p}, train fraction ${doc.task.trainFraction}, seed ${doc.task.seed}); data: <code>content/data</code>.</p>`;
	return [head, ...rows].join('\n') + prov;
}

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

export interface BrowserRun {
	preset: string;
	seed: number;
	stepTo95: number | null;
	secondsTo95: number | null;
	backend: string;
}

export interface TransformerDocument {
	command: string;
	date: string;
	backend: string;
	task: { p: number; trainFraction: number; seeds: number[] };
	runs: (TransformerRun & { seed: number })[];
	/** The same comparison in headless Chromium (scripts/experiments/transformer-browser.ts). */
	browser?: { command: string; date: string; runs: BrowserRun[]; ratioPerSeed: (number | null)[]; medianRatio: number | null };
}

const f = (x: number, digits = 3) => String(Number(x.toPrecision(digits)));

/** Per seed, the MLP (a model whose name starts with "mlp") is the baseline; each Transformer's time to 95% is a multiple of it. */
export function transformerTable(doc: TransformerDocument): string {
	const head = '| seed | model | parameters | steps to test 95% | training time to 95% | ms per step | time ÷ MLP time |\n|---|---|---|---|---|---|---|';
	const rows = doc.runs.map((r) => {
		const mlp = doc.runs.find((m) => m.seed === r.seed && m.model.startsWith('mlp'));
		const reached = r.stepTo95 !== null && r.secondsTo95 !== null;
		const steps = reached ? String(r.stepTo95) : `not reached in ${r.stepsRun} (test ${f(r.finalTestAcc * 100)}%)`;
		const time = reached ? `${f(r.secondsTo95!)} s` : `> ${f(r.trainSeconds)} s`;
		let ratio = '1 (baseline)';
		if (r !== mlp) {
			if (!mlp || mlp.secondsTo95 === null) ratio = '—';
			else ratio = `${reached ? '' : '> '}${f((reached ? r.secondsTo95! : r.trainSeconds) / mlp.secondsTo95, 2)}×`;
		}
		return `| ${r.seed} | ${r.model} | ${r.params} | ${steps} | ${time} | ${f(r.msPerStep)} | ${ratio} |`;
	});
	const prov = `\n\n<p class="provenance">Measured with <code>${doc.command}</code> on ${doc.date.slice(0, 10)} (backend ${doc.backend}; p = ${doc.task.p}, train fraction ${doc.task.trainFraction}); data: <code>content/data</code>.</p>`;
	return [head, ...rows].join('\n') + prov;
}

/** The browser comparison: per seed, seconds to test 95% in /embed/lab for the MLP and the Transformer preset. */
export function transformerBrowserTable(doc: TransformerDocument): string {
	const b = doc.browser;
	if (!b) return '';
	const seeds = [...new Set(b.runs.map((r) => r.seed))];
	const cell = (r: BrowserRun | undefined) => (r && r.stepTo95 !== null && r.secondsTo95 !== null ? `step ${r.stepTo95}, ${f(r.secondsTo95)} s` : 'not reached');
	const head = '| seed | MLP (`grokking-small`) | Transformer (`grokking-transformer`) | time ÷ MLP time |\n|---|---|---|---|';
	const rows = seeds.map((seed, i) => {
		const m = b.runs.find((r) => r.seed === seed && r.preset === 'grokking-small');
		const t = b.runs.find((r) => r.seed === seed && r.preset === 'grokking-transformer');
		const ratio = b.ratioPerSeed[i];
		return `| ${seed} | ${cell(m)} | ${cell(t)} | ${ratio === null ? '—' : `${f(ratio, 2)}×`} |`;
	});
	const median = b.medianRatio === null ? '' : `\n| median | | | ${f(b.medianRatio, 2)}× |`;
	const backends = [...new Set(b.runs.map((r) => r.backend))].join(', ');
	return [head, ...rows].join('\n') + median + `\n\n<p class="provenance">Measured with <code>${b.command}</code> on ${b.date.slice(0, 10)} (headless Chromium, backend ${backends}); data: <code>content/data</code>.</p>`;
}

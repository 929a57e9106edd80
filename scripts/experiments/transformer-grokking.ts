/**
 * Does a one-layer Transformer grok (a + b) mod p within 2× the MLP's time? (issue 12 §3: add a Transformer preset
 * only if it does, on the fastest backend available — here wasm, no GPU.)
 *
 *   nice -n 10 npx tsx scripts/experiments/transformer-grokking.ts [--heads 1,4] [--steps 3000] [--minutes 8] [--seeds 1,2,3]
 *        [--lr 3e-3] [--out content/data/transformer-grokking.json]
 *
 * Both models: grokking-small's task (p = 31, train fraction 0.7, same seeded split), full-batch AdamW with the
 * project's own optimizer (src/lib/train/adamw.ts), β2 0.98, weight decay 1. Test accuracy is read every 25 steps
 * (untimed); the time to test 95% counts only training steps (forward, backward, update, waiting for the loss).
 *
 * The Transformer: tokens a, b, '=' (vocabulary p + 1) embedded by one-hot matmuls (wasm has no gather gradient),
 * learned positions, one attention layer with H heads (no layer norm), a ReLU MLP, unembedding read at '='.
 * With one layer only the '=' position's output reaches the readout, so only its query is computed (keys and values
 * from all three positions) — the same function as the full layer at that position, without the unused work.
 * The products use the project's wasm-friendly matMul (fast-matmul.ts); a first version with batched tf.matMul for the
 * attention ran ~10× slower per step on wasm, which would have measured tfjs' kernels, not the architecture.
 *
 * Output: the command, date and backend, per (seed, model) the accuracy curve, steps, wall and CPU seconds to test 95%,
 * and per Transformer variant the median ratio of its time to the MLP's (content/data/README.md).
 */
import * as tf from '@tensorflow/tfjs';
import { writeFileSync } from 'node:fs';
import { AdamW } from '../../src/lib/train/adamw';
import { matMul } from '../../src/lib/train/fast-matmul';
import { makeGrokkingData } from '../../src/lib/train/grokking-data';
import { GrokkingTrainer } from '../../src/lib/train/grokking-trainer';
import { normalInit } from '../../src/lib/train/init';
import { useNodeBackend } from '../../src/lib/train/node/node-backend';
import { getPreset } from '../../src/lib/train/presets';
import type { GrokkingConfig, Hyper } from '../../src/lib/train/config';
import { Stream, streamRng } from '../../src/lib/train/seeded';

interface Args {
	heads: number[];
	steps: number;
	minutes: number;
	seeds: number[];
	lr: number;
	out: string;
	dModel: number;
	dMlp: number;
}

function parse(argv: string[]): Args {
	const a: Args = { heads: [1, 4], steps: 3000, minutes: 8, seeds: [1], lr: 3e-3, out: 'content/data/transformer-grokking.json', dModel: 32, dMlp: 128 };
	for (let i = 0; i < argv.length; i++) {
		const k = argv[i];
		const v = argv[++i];
		if (v === undefined) throw new Error(`${k}: missing value`);
		if (k === '--heads') a.heads = v.split(',').map(Number);
		else if (k === '--steps') a.steps = Number(v);
		else if (k === '--minutes') a.minutes = Number(v);
		else if (k === '--seeds') a.seeds = v.split(',').map(Number);
		else if (k === '--lr') a.lr = Number(v);
		else if (k === '--out') a.out = v;
		else if (k === '--d-model') a.dModel = Number(v);
		else if (k === '--d-mlp') a.dMlp = Number(v);
		else throw new Error(`unknown option ${k}`);
	}
	return a;
}

const EVERY = 25;
const TARGET = 0.95;

interface RunResult {
	model: string;
	seed: number;
	params: number;
	stepsRun: number;
	trainSeconds: number;
	msPerStep: number;
	/** First evaluated step with test accuracy ≥ 0.95 (null: not within the budget). */
	stepTo95: number | null;
	secondsTo95: number | null;
	/** Process CPU seconds (user + system) to 95%: less sensitive than wall time to other jobs on a shared machine. */
	cpuSecondsTo95: number | null;
	finalTrainAcc: number;
	finalTestAcc: number;
	stoppedBy: 'target' | 'steps' | 'minutes';
	curve: { step: number; trainAcc: number; testAcc: number }[];
}

function accuracy(logits: Float32Array, p: number, label: Int32Array, idx: Int32Array): number {
	let ok = 0;
	for (const i of idx) {
		let best = 0;
		for (let c = 1; c < p; c++) if (logits[i * p + c] > logits[i * p + best]) best = c;
		if (best === label[i]) ok++;
	}
	return ok / idx.length;
}

/** Train-until loop shared by both models: `step(n)` trains n steps and waits; `logitsAll()` gives p² × p logits. */
async function runUntil(
	name: string,
	params: number,
	cfg: GrokkingConfig,
	seed: number,
	args: Args,
	step: (n: number) => Promise<void>,
	logitsAll: () => Promise<Float32Array>
): Promise<RunResult> {
	const data = makeGrokkingData(cfg.p, cfg.trainFraction, seed);
	const curve: RunResult['curve'] = [];
	let ms = 0;
	let cpu = 0;
	let done = 0;
	let cpuTo95: number | null = null;
	let stepTo95: number | null = null;
	let secondsTo95: number | null = null;
	let stoppedBy: RunResult['stoppedBy'] = 'steps';
	while (done < args.steps) {
		const t0 = performance.now();
		const c0 = process.cpuUsage();
		await step(EVERY);
		ms += performance.now() - t0;
		const c = process.cpuUsage(c0);
		cpu += (c.user + c.system) / 1e6;
		done += EVERY;
		const logits = await logitsAll();
		const trainAcc = accuracy(logits, cfg.p, data.label, data.train);
		const testAcc = accuracy(logits, cfg.p, data.label, data.test);
		curve.push({ step: done, trainAcc: +trainAcc.toFixed(4), testAcc: +testAcc.toFixed(4) });
		if (done % 250 === 0) console.error(`${name} step ${done}: train ${trainAcc.toFixed(3)} test ${testAcc.toFixed(3)} (${(ms / done).toFixed(1)} ms/step)`);
		if (testAcc >= TARGET && stepTo95 === null) {
			stepTo95 = done;
			secondsTo95 = ms / 1000;
			cpuTo95 = cpu;
			stoppedBy = 'target';
			break;
		}
		if (ms > args.minutes * 60_000) {
			stoppedBy = 'minutes';
			break;
		}
	}
	const last = curve[curve.length - 1];
	return {
		model: name,
		seed,
		params,
		stepsRun: done,
		trainSeconds: +(ms / 1000).toFixed(2),
		msPerStep: +(ms / done).toFixed(2),
		stepTo95,
		secondsTo95: secondsTo95 === null ? null : +secondsTo95.toFixed(2),
		cpuSecondsTo95: cpuTo95 === null ? null : +(cpuTo95 as number).toFixed(2),
		finalTrainAcc: last.trainAcc,
		finalTestAcc: last.testAcc,
		stoppedBy,
		curve
	};
}


/** One-layer attention-only-at-'=' Transformer for (a + b) mod p. */
class TinyTransformer {
	readonly vars: tf.Variable[];
	private readonly X: tf.Tensor2D; // one-hot tokens, [3N, p + 1]
	private readonly Xt: tf.Tensor2D;
	private readonly embed: (w: tf.Tensor2D) => tf.Tensor2D;

	constructor(
		private readonly p: number,
		private readonly a: Int32Array,
		private readonly b: Int32Array,
		private readonly d: number,
		private readonly heads: number,
		private readonly dMlp: number,
		seed: number
	) {
		const V = p + 1;
		const rng = streamRng(seed, Stream.init);
		const s = (fanIn: number) => 1 / Math.sqrt(fanIn);
		const shapes: [number[], number][] = [
			[[V, d], s(d)], // W_E
			[[3, d], s(d)], // W_pos
			[[d, d], s(d)], // W_Q
			[[d, d], s(d)], // W_K
			[[d, d], s(d)], // W_V
			[[d, d], s(d)], // W_O
			[[d, dMlp], s(d)], // W_in
			[[dMlp], 0], // b_in
			[[dMlp, d], s(dMlp)], // W_out
			[[d, p], s(d)] // W_U
		];
		this.vars = shapes.map(([shape, std]) => {
			const n = shape.reduce((x, y) => x * y, 1);
			return tf.variable(tf.tensor(std === 0 ? new Float32Array(n) : normalInit(rng, n, std), shape));
		});
		const n = a.length;
		const tokens = new Int32Array(3 * n);
		for (let i = 0; i < n; i++) {
			tokens[3 * i] = a[i];
			tokens[3 * i + 1] = b[i];
			tokens[3 * i + 2] = p; // '='
		}
		[this.X, this.Xt] = tf.tidy(() => {
			const X = tf.oneHot(tf.tensor1d(tokens, 'int32'), V).toFloat() as tf.Tensor2D;
			return [X, tf.transpose(X) as tf.Tensor2D];
		});
		const X = this.X;
		const Xt = this.Xt;
		const f = tf.customGrad((...args: (tf.Tensor | ((t: tf.Tensor[]) => void))[]) => {
			const w = args[0] as tf.Tensor2D;
			return { value: tf.matMul(X, w), gradFunc: (dy: tf.Tensor) => [tf.matMul(Xt, dy as tf.Tensor2D)] };
		});
		this.embed = (w) => f(w) as tf.Tensor2D;
	}

	logits(): tf.Tensor2D {
		const [WE, Wpos, WQ, WK, WV, WO, Win, bin, Wout, WU] = this.vars as unknown as tf.Tensor2D[];
		const n = this.a.length;
		const { d, heads: H } = this;
		const dh = d / H;
		const x = tf.add(tf.reshape(this.embed(WE), [n, 3, d]), Wpos) as tf.Tensor3D; // [n, 3, d]
		const flat = tf.reshape(x, [3 * n, d]) as tf.Tensor2D;
		const xEq = tf.reshape(tf.slice(x, [0, 2, 0], [n, 1, d]), [n, d]) as tf.Tensor2D; // residual at '='
		// Three keys only: scores and mixing as broadcast products and sums (batched matmuls' gradients use
		// transposed matmuls, ~10× slower on wasm — fast-matmul.ts); 2-D products through the project's matMul.
		const q = tf.reshape(matMul(xEq, WQ), [n, 1, H, dh]);
		const k = tf.reshape(matMul(flat, WK), [n, 3, H, dh]);
		const v = tf.reshape(matMul(flat, WV), [n, 3, H, dh]);
		const att = tf.softmax(tf.transpose(tf.mul(tf.sum(tf.mul(q, k), 3), 1 / Math.sqrt(dh)), [0, 2, 1]), 2); // [n, H, 3]
		const z = tf.reshape(tf.sum(tf.mul(tf.reshape(tf.transpose(att, [0, 2, 1]), [n, 3, H, 1]), v), 1), [n, d]) as tf.Tensor2D;
		const r1 = tf.add(xEq, matMul(z, WO)) as tf.Tensor2D;
		const r2 = tf.add(r1, matMul(tf.relu(tf.add(matMul(r1, Win), bin)) as tf.Tensor2D, Wout)) as tf.Tensor2D;
		return matMul(r2, WU);
	}

	dispose(): void {
		tf.dispose([...this.vars, this.X, this.Xt]);
	}
}

async function runTransformer(cfg: GrokkingConfig, heads: number, args: Args, seed: number): Promise<RunResult> {
	const data = makeGrokkingData(cfg.p, cfg.trainFraction, seed);
	const pick = (arr: Int32Array) => Int32Array.from(data.train, (i) => arr[i]);
	const trainModel = new TinyTransformer(cfg.p, pick(data.a), pick(data.b), args.dModel, heads, args.dMlp, seed);
	// The evaluation model shares the variables' values by reading them each time (separate one-hot inputs for p²).
	const evalModel = new TinyTransformer(cfg.p, data.a, data.b, args.dModel, heads, args.dMlp, seed);
	const Y = tf.tidy(() => tf.oneHot(tf.tensor1d(pick(data.label), 'int32'), cfg.p).toFloat());
	const opt = new AdamW(trainModel.vars, cfg);
	const hyper: Hyper = { ...cfg.hyper };
	const params = trainModel.vars.reduce((s, v) => s + v.size, 0);
	let t = 0;
	let lastLoss: tf.Scalar | null = null;
	const tensorsAtStart = tf.memory().numTensors;
	try {
		const result = await runUntil(
			`transformer 1 layer, ${heads} head${heads > 1 ? 's' : ''}`,
			params,
			cfg,
			seed,
			args,
			async (n) => {
				for (let k = 0; k < n; k++) {
					const loss = tf.tidy(() => {
						const { value, grads } = tf.variableGrads(() => {
							const logits = trainModel.logits();
							return tf.mean(tf.neg(tf.sum(tf.mul(Y, tf.logSoftmax(logits)), 1))) as tf.Scalar;
						}, trainModel.vars);
						opt.apply(trainModel.vars.map((v) => grads[v.name]), hyper, seed, t);
						return value;
					});
					lastLoss?.dispose();
					lastLoss = loss;
					t++;
				}
				await lastLoss!.data();
			},
			async () => {
				tf.tidy(() => evalModel.vars.forEach((v, i) => v.assign(trainModel.vars[i])));
				const l = tf.tidy(() => evalModel.logits());
				const out = (await l.data()) as Float32Array;
				l.dispose();
				return out;
			}
		);
		console.error(`tensors: ${tensorsAtStart} at start, ${tf.memory().numTensors} at end`);
		return result;
	} finally {
		(lastLoss as tf.Scalar | null)?.dispose();
		trainModel.dispose();
		evalModel.dispose();
		Y.dispose();
	}
}

async function main(): Promise<void> {
	const args = parse(process.argv.slice(2));
	const { backend, note } = await useNodeBackend('wasm');
	const cfg = getPreset('grokking-small', 'grokking').config as GrokkingConfig;
	cfg.hyper.lr = args.lr;
	console.error(`backend: ${note}`);
	const runs: RunResult[] = [];
	for (const seed of args.seeds) {
		runs.push(await runMlpLogits(cfg, args, seed));
		console.error(JSON.stringify({ ...runs[runs.length - 1], curve: undefined }));
		for (const h of args.heads) {
			runs.push(await runTransformer(cfg, h, args, seed));
			console.error(JSON.stringify({ ...runs[runs.length - 1], curve: undefined }));
			write(args, backend, cfg, runs);
		}
	}
	write(args, backend, cfg, runs);
}

/** The MLP through the project's own trainer; logits via its evaluate()'s readouts would cost extra, so read its model. */
async function runMlpLogits(cfg: GrokkingConfig, args: Args, seed: number): Promise<RunResult> {
	const trainer = new GrokkingTrainer({ ...cfg, steps: args.steps }, seed);
	const params = trainer.variables.reduce((s, v) => s + v.size, 0);
	const data = makeGrokkingData(cfg.p, cfg.trainFraction, seed);
	const [E, W1, b1, W2, b2] = trainer.variables as unknown as tf.Tensor2D[];
	const A = tf.oneHot(tf.tensor1d(data.a, 'int32'), cfg.p).toFloat() as tf.Tensor2D;
	const B = tf.oneHot(tf.tensor1d(data.b, 'int32'), cfg.p).toFloat() as tf.Tensor2D;
	try {
		return await runUntil(
			'mlp (grokking-small)',
			params,
			cfg,
			seed,
			args,
			async (n) => {
				trainer.train(n);
				await trainer.readLoss();
			},
			async () => {
				const l = tf.tidy(() => {
					const h = tf.relu(tf.add(tf.matMul(tf.concat([tf.matMul(A, E), tf.matMul(B, E)], 1), W1), b1));
					return tf.add(tf.matMul(h as tf.Tensor2D, W2), b2);
				});
				const out = (await l.data()) as Float32Array;
				l.dispose();
				return out;
			}
		);
	} finally {
		trainer.dispose();
		tf.dispose([A, B]);
	}
}

const median = (xs: number[]) => {
	const a = [...xs].sort((x, y) => x - y);
	return a.length === 0 ? NaN : a.length % 2 ? a[(a.length - 1) / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
};

/** Per Transformer variant: its time to 95% over the MLP's, seed by seed (wall and CPU), and the median. */
function verdictsOf(runs: RunResult[]) {
	const mlp = new Map(runs.filter((r) => r.model.startsWith('mlp')).map((r) => [r.seed, r]));
	const models = [...new Set(runs.filter((r) => !r.model.startsWith('mlp')).map((r) => r.model))];
	return models.map((model) => {
		const ratios = runs
			.filter((r) => r.model === model)
			.map((r) => {
				const m = mlp.get(r.seed);
				const wall = m && r.secondsTo95 !== null && m.secondsTo95 !== null ? r.secondsTo95 / m.secondsTo95 : null;
				const cpu = m && r.cpuSecondsTo95 !== null && m.cpuSecondsTo95 ? r.cpuSecondsTo95 / m.cpuSecondsTo95 : null;
				const steps = m && r.stepTo95 !== null && m.stepTo95 !== null ? r.stepTo95 / m.stepTo95 : null;
				return { seed: r.seed, wall, cpu, steps };
			});
		const reached = ratios.filter((x) => x.wall !== null);
		const medianWall = reached.length === ratios.length ? median(reached.map((x) => x.wall!)) : null;
		const medianCpu = reached.length === ratios.length ? median(reached.map((x) => x.cpu ?? NaN)) : null;
		return {
			model,
			perSeed: ratios.map((x) => ({ seed: x.seed, wallRatio: x.wall && +x.wall.toFixed(2), cpuRatio: x.cpu && +x.cpu.toFixed(2), stepRatio: x.steps && +x.steps.toFixed(2) })),
			medianWallRatio: medianWall === null ? null : +medianWall.toFixed(2),
			medianCpuRatio: medianCpu === null ? null : +medianCpu.toFixed(2),
			within2x: medianWall !== null && medianWall <= 2
		};
	});
}

function write(args: Args, backend: string, cfg: GrokkingConfig, runs: RunResult[]): void {
	const verdicts = verdictsOf(runs);
	const out = {
		command: `nice -n 10 npx tsx scripts/experiments/transformer-grokking.ts --heads ${args.heads.join(',')} --steps ${args.steps} --minutes ${args.minutes} --seeds ${args.seeds.join(',')} --lr ${args.lr} --d-model ${args.dModel} --d-mlp ${args.dMlp}`,
		date: new Date().toISOString(),
		backend: `${backend} (Node, single-threaded; no GPU on this machine; 2 cores shared with other jobs)`,
		task: { p: cfg.p, trainFraction: cfg.trainFraction, seeds: args.seeds, lr: cfg.hyper.lr, weightDecay: cfg.hyper.weightDecay, beta2: cfg.beta2, evalEvery: EVERY, target: TARGET },
		transformer: { layers: 1, dModel: args.dModel, dMlp: args.dMlp, layerNorm: false, readout: "'=' position" },
		note: 'Times count training steps only (forward, backward, AdamW update, loss read); evaluation every 25 steps is untimed. Budget per run: the step limit or the minute limit, whichever comes first.',
		verdicts,
		runs
	};
	writeFileSync(args.out, JSON.stringify(out, null, '\t') + '\n');
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});

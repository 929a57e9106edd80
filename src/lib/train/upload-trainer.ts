/**
 * The SAE trained on uploaded activations (the paper's "SAE on a language model" regime). Same model, loss and probe as
 * the synthetic SAE (sae-trainer.ts): β mode `residual` on the frozen inputs (docs/theory.md §3, with its caveat).
 * Differences: batches are seeded draws of the file's rows; the inputs are scaled by `upload.scale` and the decoder
 * bias starts at the data mean (the usual SAE practice; a large mean would otherwise eat the first steps); there are
 * no true features, so max |cos| and MMCS are NaN, and purity (with the lottery) uses the uploaded labels in place of
 * the dominant true feature — without labels it is NaN too.
 */
import * as tf from '@tensorflow/tfjs';
import type { SaeConfig } from './config';
import { withinTotalRatio } from './label-metrics';
import { EarlyPurity } from './early-purity';
import { purityBaseline, purityFromTop } from './purity';
import { atomSummary, readSaeEvaluation } from './sae-evaluation';
import { SaeModel } from './sae-model';
import { Stream, streamRng } from './seeded';
import { Trainer, type Evaluation } from './trainer';
import { scaleOf } from './upload-config';
import type { UploadedActivations } from './upload-validate';

export class UploadSaeTrainer extends Trainer<SaeConfig> {
	readonly baseline: number;
	private readonly model: SaeModel;
	private readonly scale: number;
	private readonly mean: Float64Array;
	/** Evaluation rows (scaled), evalSamples×d; the first probeSamples are the probe set. */
	private readonly evalX: Float32Array;
	private readonly evalLabels: Int16Array;
	private readonly xEval: tf.Tensor2D;
	private readonly early: EarlyPurity;

	constructor(
		config: SaeConfig,
		seed: number,
		private readonly data: UploadedActivations
	) {
		super(config, seed);
		const { n, d } = data;
		if (config.inputDim !== d) throw new Error(`upload: config d = ${config.inputDim} but the data have d = ${d}`);
		this.scale = config.upload?.scale ?? 1;
		this.mean = scaleOf(data.x, n, d).mean;
		const rows = streamRng(seed, Stream.evalSet).shuffle(Int32Array.from({ length: n }, (_, i) => i)).subarray(0, config.evalSamples);
		this.evalX = this.rowsOf(rows);
		this.evalLabels = data.labels ? Int16Array.from(rows, (i) => data.labels![i]) : new Int16Array(rows.length).fill(-1);
		this.baseline = data.labels ? purityBaseline(this.evalLabels, seed, config.purityTop) : NaN;
		this.memory = this.early = new EarlyPurity(config.earlyFraction, config.steps);
		this.xEval = tf.tensor2d(this.evalX, [rows.length, d]);
		this.model = new SaeModel(config);
		this.start();
	}

	/** The listed rows, scaled, as one row-major block. */
	private rowsOf(rows: ArrayLike<number>): Float32Array {
		const d = this.data.d;
		const out = new Float32Array(rows.length * d);
		for (let r = 0; r < rows.length; r++) {
			const o = rows[r] * d;
			for (let j = 0; j < d; j++) out[r * d + j] = this.data.x[o + j] * this.scale;
		}
		return out;
	}

	get variables(): tf.Variable[] {
		return this.model.variables;
	}

	protected initialiseParams(): void {
		this.model.initialise(this.seed);
		const bd = Float32Array.from(this.mean, (v) => v * this.scale);
		tf.tidy(() => this.model.bd.assign(tf.tensor1d(bd)));
	}

	protected trainingLoss(step: number): tf.Scalar {
		const { batch, l1 } = this.config;
		const rng = streamRng(this.seed, Stream.batch, step);
		const rows = Int32Array.from({ length: batch }, () => rng.int(this.data.n));
		const losses = this.model.losses(tf.tensor2d(this.rowsOf(rows), [batch, this.data.d]));
		return tf.add(losses.mse, tf.mul(losses.l1, l1)) as tf.Scalar;
	}

	protected afterUpdate(): void {
		this.model.normaliseDecoder();
	}

	async evaluate(): Promise<Evaluation> {
		const { inputDim: d, atoms: m, evalSamples: n, probeSamples, purityTop } = this.config;
		const np = Math.min(probeSamples, n);
		const k = Math.min(purityTop, n);
		const r = await readSaeEvaluation(this.model, this.xEval, k, np, m, false);
		const loss = await this.readLoss();
		const labelled = this.data.labels !== null;
		const { purity, alive } = purityFromTop(r.topIdx, r.topVal, k, r.counts, this.evalLabels);
		if (!labelled) purity.fill(NaN);
		const { l0, dead, meanPurity } = atomSummary(r.counts, purity, alive, n);
		const lottery = this.early.observe(this.step, purity, alive, this.baseline, labelled);
		const probeLabels = this.evalLabels.subarray(0, np);
		return {
			metrics: {
				kind: 'sae',
				loss,
				mse: r.mse,
				l0,
				dead,
				mmcs: NaN,
				meanPurity,
				purity,
				maxCos: new Float32Array(m).fill(NaN),
				alive,
				lottery
			},
			Z: this.evalX.subarray(0, np * d),
			n: np,
			d,
			betaSpec: { mode: 'residual', mse: r.mse },
			labels: probeLabels,
			isTrain: null,
			wt: labelled ? withinTotalRatio(r.zProbe, np, m, probeLabels) : null
		};
	}

	dispose(): void {
		super.dispose();
		this.xEval.dispose();
	}
}

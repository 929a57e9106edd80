/**
 * The SAE on synthetic superposition data: Adam on fresh seeded batches; the probe reads the fixed evaluation inputs x
 * with β mode `residual` (β = d/MSE, docs/theory.md §3); purity, max |cos|, MMCS, dead atoms and the lottery statistics.
 * MSE and purity use the whole evaluation set; the probe, the display and W/T use its first `probeSamples` rows.
 */
import * as tf from '@tensorflow/tfjs';
import type { SaeConfig } from './config';
import { withinTotalRatio } from './label-metrics';
import { EarlyPurity } from './early-purity';
import { cosineMatches, purityBaseline, purityFromTop } from './purity';
import { makeFeatures, sampleSae, saeBatch, saeEvalSet, type SaeDataOptions, type SaeFeatures, type SaeSamples } from './sae-data';
import { Stream, streamRng } from './seeded';
import { atomSummary, readSaeEvaluation } from './sae-evaluation';
import { SaeModel } from './sae-model';
import { Trainer, type Evaluation } from './trainer';

export class SaeTrainer extends Trainer<SaeConfig> {
	readonly features: SaeFeatures;
	readonly evalSet: SaeSamples;
	readonly baseline: number;
	private readonly model: SaeModel;
	private readonly xEval: tf.Tensor2D;
	private readonly early: EarlyPurity;
	readonly dataOptions: SaeDataOptions;

	constructor(config: SaeConfig, seed: number) {
		super(config, seed);
		const { inputDim: d, features: G, activeProb, evalSamples } = config;
		this.features = makeFeatures(d, G, seed);
		this.dataOptions = { frequency: config.frequency, magnitude: config.magnitude, groupSize: config.groupSize };
		this.evalSet = saeEvalSet(this.features, activeProb, evalSamples, seed, this.dataOptions);
		this.baseline = purityBaseline(this.evalSet.label, seed, config.purityTop);
		this.memory = this.early = new EarlyPurity(config.earlyFraction, config.steps);
		this.xEval = tf.tensor2d(this.evalSet.x, [evalSamples, d]);
		this.model = new SaeModel(config);
		this.start();
	}

	get variables(): tf.Variable[] {
		return this.model.variables;
	}

	protected initialiseParams(): void {
		const { atoms: m, activeProb, decoderInit } = this.config;
		// `data`: decoder rows drawn from the training distribution (non-empty samples, their own seeded stream).
		const rows =
			decoderInit === 'data'
				? sampleSae(this.features, activeProb, m, streamRng(this.seed, Stream.init, 1), true, this.dataOptions).x
				: undefined;
		this.model.initialise(this.seed, rows);
	}

	protected trainingLoss(step: number): tf.Scalar {
		const { inputDim: d, activeProb, batch, l1 } = this.config;
		const b = saeBatch(this.features, activeProb, batch, this.seed, step, this.dataOptions);
		const losses = this.model.losses(tf.tensor2d(b.x, [batch, d]));
		return tf.add(losses.mse, tf.mul(losses.l1, l1)) as tf.Scalar;
	}

	protected afterUpdate(): void {
		this.model.normaliseDecoder();
	}

	async evaluate(): Promise<Evaluation> {
		const { inputDim: d, atoms: m, features: G, evalSamples: n, probeSamples, purityTop } = this.config;
		const np = Math.min(probeSamples, n);
		const k = Math.min(purityTop, n);
		const r = await readSaeEvaluation(this.model, this.xEval, k, np, m, true);
		const loss = await this.readLoss();
		const { purity, alive } = purityFromTop(r.topIdx, r.topVal, k, r.counts, this.evalSet.label);
		const { maxCos, mmcs } = cosineMatches(r.Wd!, m, this.features.F, G, d);
		const { l0, dead, meanPurity } = atomSummary(r.counts, purity, alive, n);
		const lottery = this.early.observe(this.step, purity, alive, this.baseline);
		const mse = r.mse;
		const probeLabels = this.evalSet.label.subarray(0, np);
		return {
			metrics: {
				kind: 'sae',
				loss,
				mse,
				l0,
				dead,
				mmcs,
				meanPurity,
				purity,
				maxCos,
				alive,
				lottery
			},
			Z: this.evalSet.x.subarray(0, np * d),
			n: np,
			d,
			betaSpec: { mode: 'residual', mse },
			labels: probeLabels,
			isTrain: null,
			wt: withinTotalRatio(r.zProbe, np, m, probeLabels)
		};
	}

	/** Codes of the first `n` evaluation inputs (n×m) and the encoder W_e (d×m), for the β comparison (sae-beta.ts). */
	async codesAndEncoder(n: number): Promise<{ z: Float32Array; We: Float32Array; n: number }> {
		const rows = Math.min(n, this.config.evalSamples);
		const [z, We] = tf.tidy(() => [this.model.codes(tf.slice(this.xEval, [0, 0], [rows, this.config.inputDim])), tf.clone(this.model.We)]);
		const [zd, wd] = (await Promise.all([z.data(), We.data()])) as [Float32Array, Float32Array];
		tf.dispose([z, We]);
		return { z: zd, We: wd, n: rows };
	}

	dispose(): void {
		super.dispose();
		this.xEval.dispose();
	}
}

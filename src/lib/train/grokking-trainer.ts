/**
 * Grokking on (a + b) mod p: full-batch AdamW on the training split; the probe reads the hidden layer over all p²
 * inputs with β mode `readout` (the readout rows W2ᵀ as class prototypes, docs/theory.md §3).
 */
import * as tf from '@tensorflow/tfjs';
import type { GrokkingConfig } from './config';
import { makeGrokkingData, type GrokkingData } from './grokking-data';
import { crossEntropy, GrokkingModel, initialGrokkingValues, OneHotPairs } from './grokking-model';
import { GrokkingReadoutTracker } from './grokking-readouts';
import { GrokkingTransformer, initialTransformerValues, transformerReadoutInputs } from './grokking-transformer';
import { classificationMetrics, rowCentred, withinTotalRatio } from './label-metrics';
import { Trainer, type Evaluation } from './trainer';

export class GrokkingTrainer extends Trainer<GrokkingConfig> {
	readonly data: GrokkingData;
	/** The MLP, or (config.arch 'transformer') the one-layer Transformer. */
	private readonly model: GrokkingModel | GrokkingTransformer;
	private readonly trainPairs: OneHotPairs;
	private readonly allPairs: OneHotPairs;
	private readonly Ytrain: tf.Tensor2D;
	private readonly labels16: Int16Array;
	/** What the network learned (prediction table, Fourier spectra, frequency lottery), per snapshot. */
	readonly readouts: GrokkingReadoutTracker;

	constructor(config: GrokkingConfig, seed: number) {
		super(config, seed);
		const { p } = config;
		this.data = makeGrokkingData(p, config.trainFraction, seed);
		const { a, b, label, train } = this.data;
		const pick = (arr: Int32Array) => Int32Array.from(train, (i) => arr[i]);
		this.trainPairs = new OneHotPairs(pick(a), pick(b), p);
		this.allPairs = new OneHotPairs(a, b, p);
		this.Ytrain = tf.tidy(() => tf.oneHot(tf.tensor1d(pick(label), 'int32'), p).toFloat() as tf.Tensor2D);
		this.labels16 = Int16Array.from(label);
		const transformer = config.arch === 'transformer';
		this.model = transformer ? new GrokkingTransformer(config) : new GrokkingModel(config);
		const [E0, W10] = transformer ? Object.values(transformerReadoutInputs(config, initialTransformerValues(config, seed))) : initialGrokkingValues(config, seed);
		this.readouts = new GrokkingReadoutTracker(this.data, config.embedDim, config.hidden, config.steps, E0, W10);
		this.memory = this.readouts;
		this.start();
	}

	get variables(): tf.Variable[] {
		return this.model.variables;
	}

	protected initialiseParams(): void {
		this.model.initialise(this.seed);
	}

	/** Hidden units (the probe's input) and logits of the pairs x. */
	private forward(x: OneHotPairs): { hidden: tf.Tensor2D; logits: tf.Tensor2D } {
		const m = this.model;
		if (m instanceof GrokkingTransformer) return m.forward(x);
		const hidden = m.hidden(x);
		return { hidden, logits: m.logits(hidden) };
	}

	/** What the readouts take as embedding E (p × D) and first layer W1 (2D × hidden), as plain arrays. */
	private async readoutInputs(): Promise<{ E: Float32Array; W1: Float32Array }> {
		const m = this.model;
		if (m instanceof GrokkingTransformer) {
			const values = (await Promise.all(m.vars.map((v) => v.data()))) as Float32Array[];
			return transformerReadoutInputs(this.config, values);
		}
		const [E, W1] = (await Promise.all([m.E.data(), m.W1.data()])) as Float32Array[];
		return { E, W1 };
	}

	protected trainingLoss(): tf.Scalar {
		return crossEntropy(this.forward(this.trainPairs).logits, this.Ytrain);
	}

	async evaluate(): Promise<Evaluation> {
		const { p, hidden: H } = this.config;
		const [hT, logitsT, w2T, normT] = tf.tidy(() => {
			const { hidden, logits } = this.forward(this.allPairs);
			const norm = tf.addN(this.variables.map((v) => tf.sum(tf.square(v))));
			const m = this.model;
			return [hidden, logits, m instanceof GrokkingTransformer ? m.prototypes() : tf.transpose(m.W2), norm];
		});
		const [[h, logits, W, norm], { E, W1 }] = await Promise.all([
			Promise.all([hT.data(), logitsT.data(), w2T.data(), normT.data()]) as Promise<Float32Array[]>,
			this.readoutInputs()
		]);
		tf.dispose([hT, logitsT, w2T, normT]);
		const { label, train, test, isTrain } = this.data;
		const tr = classificationMetrics(logits, p, label, train);
		const te = classificationMetrics(logits, p, label, test);
		const n = p * p;
		return {
			metrics: {
				kind: 'grokking',
				trainLoss: tr.loss,
				testLoss: te.loss,
				trainAcc: tr.acc,
				testAcc: te.acc,
				weightNorm: norm[0],
				readouts: this.readouts.update(this.step, E, W1, logits)
			},
			Z: h,
			n,
			d: H,
			// W2ᵀ (MLP) or (W_out·W_U)ᵀ (Transformer): one row per class, the readout's class prototypes.
			betaSpec: { mode: 'readout', W, classes: p },
			labels: this.labels16,
			isTrain,
			// W/T of the softmax-relevant (row-centred) logits.
			wt: withinTotalRatio(rowCentred(logits, n, p), n, p, label)
		};
	}

	dispose(): void {
		super.dispose();
		this.trainPairs.dispose();
		this.allPairs.dispose();
		this.Ytrain.dispose();
	}
}

/**
 * Grokking on (a + b) mod p: full-batch AdamW on the training split; the probe reads the hidden layer over all p²
 * inputs with β mode `readout` (the readout rows W2ᵀ as class prototypes, docs/theory.md §3).
 */
import * as tf from '@tensorflow/tfjs';
import type { GrokkingConfig } from './config';
import { makeGrokkingData, type GrokkingData } from './grokking-data';
import { crossEntropy, GrokkingModel, initialGrokkingValues, OneHotPairs } from './grokking-model';
import { GrokkingReadoutTracker } from './grokking-readouts';
import { classificationMetrics, rowCentred, withinTotalRatio } from './label-metrics';
import { Trainer, type Evaluation } from './trainer';

export class GrokkingTrainer extends Trainer<GrokkingConfig> {
	readonly data: GrokkingData;
	private readonly model: GrokkingModel;
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
		this.model = new GrokkingModel(config);
		const [E0, W10] = initialGrokkingValues(config, seed);
		this.readouts = new GrokkingReadoutTracker(this.data, config.embedDim, config.hidden, config.steps, E0, W10);
		this.start();
	}

	extraSnapshotSteps(): number[] {
		return [this.readouts.earlyStep];
	}

	protected exportExtra(): unknown {
		return this.readouts.exportState();
	}

	protected importExtra(extra: unknown): void {
		this.readouts.importState(extra);
	}

	protected resetExtra(): void {
		this.readouts.reset();
	}

	get variables(): tf.Variable[] {
		return this.model.variables;
	}

	protected initialiseParams(): void {
		this.model.initialise(this.seed);
	}

	protected trainingLoss(): tf.Scalar {
		return crossEntropy(this.model.logits(this.model.hidden(this.trainPairs)), this.Ytrain);
	}

	async evaluate(): Promise<Evaluation> {
		const { p, hidden: H } = this.config;
		const [hT, logitsT, w2T, normT] = tf.tidy(() => {
			const h = this.model.hidden(this.allPairs);
			const norm = tf.addN(this.variables.map((v) => tf.sum(tf.square(v))));
			return [h, this.model.logits(h), tf.transpose(this.model.W2), norm];
		});
		const [h, logits, W, norm, E, W1] = (await Promise.all([
			hT.data(),
			logitsT.data(),
			w2T.data(),
			normT.data(),
			this.model.E.data(),
			this.model.W1.data()
		])) as Float32Array[];
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
			// W2ᵀ: one row per class, the readout's class prototypes.
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

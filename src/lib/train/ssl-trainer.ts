/**
 * Contrastive SSL (docs/theory.md §6): Adam on NT-Xent over two views per sample; the probe reads the L2-normalised
 * embeddings of the fixed held-out set with β mode `kernel` (β = 1/τ, docs/theory.md §3). Per snapshot: kNN accuracy
 * (k = 5, cosine) of the held-out embeddings against the bank's, and W/T of the embeddings by class; the same kNN on
 * the raw inputs is computed once, as the baseline line.
 */
import * as tf from '@tensorflow/tfjs';
import type { SslConfig } from './config';
import { knnAccuracy } from './knn';
import { withinTotalRatio } from './label-metrics';
import { ntXent, selfMask } from './nt-xent';
import { sslDataset, type SslDataset } from './ssl-data';
import { SslModel } from './ssl-model';
import { Trainer, type Evaluation } from './trainer';

/** Steps before `until` that are multiples of `every` but not of `probeEvery`: the early snapshot cadence. */
export function earlySnapshotSteps(every: number, until: number, probeEvery: number): number[] {
	const out: number[] = [];
	if (!(every >= 1) || !Number.isInteger(every)) return out;
	for (let s = every; s < until; s += every) if (s % probeEvery !== 0) out.push(s);
	return out;
}

export class SslTrainer extends Trainer<SslConfig> {
	readonly data: SslDataset;
	/** kNN accuracy of the raw held-out inputs against the raw bank (constant over the run). */
	readonly rawKnnAcc: number;
	private readonly model: SslModel;
	private readonly mask: tf.Tensor2D;
	private readonly xBank: tf.Tensor2D;
	private readonly xHeld: tf.Tensor2D;
	private readonly early: number[];

	constructor(config: SslConfig, seed: number) {
		super(config, seed);
		if (!(config.tau > 0) || !Number.isFinite(config.tau)) throw new Error(`ssl: tau must be a positive number, got ${config.tau}`);
		this.data = sslDataset(config, seed);
		const { bank, heldOut, inputDim: d } = this.data;
		this.rawKnnAcc = knnAccuracy(bank.x, bank.label, heldOut.x, heldOut.label, d, config.knnK);
		this.mask = selfMask(2 * config.batch);
		this.xBank = tf.tensor2d(bank.x, [bank.n, d]);
		this.xHeld = tf.tensor2d(heldOut.x, [heldOut.n, d]);
		this.early = earlySnapshotSteps(config.earlyProbeEvery, config.earlyProbeUntil, config.probeEvery);
		this.model = new SslModel(config);
		this.start();
	}

	get variables(): tf.Variable[] {
		return this.model.variables;
	}

	protected initialiseParams(): void {
		this.model.initialise(this.seed);
	}

	protected trainingLoss(step: number): tf.Scalar {
		const { batch, tau } = this.config;
		const d = this.data.inputDim;
		const v = this.data.views(step);
		const ua = this.model.embed(tf.tensor2d(v.a, [batch, d]));
		const ub = this.model.embed(tf.tensor2d(v.b, [batch, d]));
		return ntXent(ua, ub, tau, this.mask);
	}

	extraSnapshotSteps(): number[] {
		return this.early;
	}

	async evaluate(): Promise<Evaluation> {
		const { embedDim: D, knnK, tau } = this.config;
		const { bank, heldOut } = this.data;
		const [uBankT, uHeldT] = tf.tidy(() => [this.model.embed(this.xBank), this.model.embed(this.xHeld)]);
		const [uBank, uHeld] = (await Promise.all([uBankT.data(), uHeldT.data()])) as Float32Array[];
		tf.dispose([uBankT, uHeldT]);
		const loss = await this.readLoss();
		return {
			metrics: {
				kind: 'ssl',
				loss,
				knnAcc: knnAccuracy(uBank, bank.label, uHeld, heldOut.label, D, knnK),
				rawKnnAcc: this.rawKnnAcc
			},
			Z: uHeld,
			n: heldOut.n,
			d: D,
			betaSpec: { mode: 'kernel', tau },
			labels: heldOut.label,
			isTrain: null,
			wt: withinTotalRatio(uHeld, heldOut.n, D, heldOut.label)
		};
	}

	dispose(): void {
		super.dispose();
		tf.dispose([this.mask, this.xBank, this.xHeld]);
	}
}

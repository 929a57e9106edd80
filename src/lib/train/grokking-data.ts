/**
 * The modular-addition dataset: all p² pairs (a, b) with label (a + b) mod p, and a seeded train/test split.
 * Plain arrays only; the trainer turns them into one-hot tensors.
 */
import { Stream, streamRng } from './seeded';

export interface GrokkingData {
	p: number;
	/** All p² pairs in row-major order: index i = a·p + b. */
	a: Int32Array;
	b: Int32Array;
	label: Int32Array;
	/** Indices (into the p² pairs) of the training and test splits, each sorted ascending. */
	train: Int32Array;
	test: Int32Array;
	/** 1 if pair i is in the training split. */
	isTrain: Uint8Array;
}

export function makeGrokkingData(p: number, trainFraction: number, seed: number): GrokkingData {
	if (!Number.isInteger(p) || p < 2) throw new Error(`grokking: p must be an integer ≥ 2, got ${p}`);
	if (!(trainFraction > 0 && trainFraction < 1)) {
		throw new Error(`grokking: trainFraction must be in (0, 1), got ${trainFraction}`);
	}
	const n = p * p;
	const a = new Int32Array(n);
	const b = new Int32Array(n);
	const label = new Int32Array(n);
	for (let i = 0; i < n; i++) {
		a[i] = Math.floor(i / p);
		b[i] = i % p;
		label[i] = (a[i] + b[i]) % p;
	}
	const order = streamRng(seed, Stream.split).shuffle(Int32Array.from({ length: n }, (_, i) => i));
	const nTrain = Math.max(1, Math.min(n - 1, Math.round(trainFraction * n)));
	const train = order.slice(0, nTrain).sort();
	const test = order.slice(nTrain).sort();
	const isTrain = new Uint8Array(n);
	for (const i of train) isTrain[i] = 1;
	return { p, a, b, label, train, test, isTrain };
}

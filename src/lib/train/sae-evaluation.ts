/**
 * The SAE's evaluation readout, shared by the SAE on synthetic data (sae-trainer.ts) and on uploaded activations
 * (upload-trainer.ts). Everything large stays on the device: only the top-k activations per atom (for purity), the
 * firing counts, the MSE and the probe rows' codes are read back (and the decoder when true features exist).
 */
import * as tf from '@tensorflow/tfjs';
import type { SaeModel } from './sae-model';

export interface SaeReadout {
	topVal: Float32Array;
	topIdx: Int32Array;
	/** How many evaluation rows each atom fires on. */
	counts: Int32Array;
	mse: number;
	/** Codes of the first np rows (np×m): the within/total ratio of the probe set. */
	zProbe: Float32Array;
	/** The decoder (m×d), when asked for. */
	Wd: Float32Array | null;
}

export async function readSaeEvaluation(model: SaeModel, xEval: tf.Tensor2D, k: number, np: number, m: number, withDecoder: boolean): Promise<SaeReadout> {
	const tensors = tf.tidy(() => {
		const { mse, z } = model.losses(xEval);
		const { values, indices } = tf.topk(tf.transpose(z), k);
		const counts = tf.sum(tf.cast(tf.greater(z, 0), 'int32'), 0);
		const out = [values, indices, counts, mse, tf.slice(z, [0, 0], [np, m])];
		return withDecoder ? [...out, tf.clone(model.Wd)] : out;
	});
	const data = await Promise.all(tensors.map((t) => t.data()));
	tf.dispose(tensors);
	return {
		topVal: data[0] as Float32Array,
		topIdx: data[1] as Int32Array,
		counts: data[2] as Int32Array,
		mse: (data[3] as Float32Array)[0],
		zProbe: data[4] as Float32Array,
		Wd: withDecoder ? (data[5] as Float32Array) : null
	};
}

/** L0 (mean active atoms per row over n rows), dead atoms, and the mean purity of the alive atoms (NaN if none). */
export function atomSummary(counts: Int32Array, purity: Float32Array, alive: Uint8Array, n: number): { l0: number; dead: number; meanPurity: number } {
	const m = counts.length;
	let active = 0;
	for (let j = 0; j < m; j++) active += counts[j];
	let aliveCount = 0;
	let puritySum = 0;
	for (let j = 0; j < m; j++) {
		if (!alive[j]) continue;
		aliveCount++;
		puritySum += purity[j];
	}
	return { l0: active / n, dead: m - aliveCount, meanPurity: aliveCount ? puritySum / aliveCount : NaN };
}

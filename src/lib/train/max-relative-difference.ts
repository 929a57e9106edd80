import type * as tf from '@tensorflow/tfjs';

/** max |x − y| over max |y| (floored at 1e-30): how two tensors of the same size differ, for the fused-op specs. */
export async function maxRelativeDifference(p: tf.Tensor, q: tf.Tensor): Promise<number> {
	const [x, y] = [await p.data(), await q.data()];
	if (x.length !== y.length) throw new Error(`sizes differ: ${x.length} vs ${y.length}`);
	let worst = 0;
	let scale = 0;
	for (let i = 0; i < x.length; i++) {
		worst = Math.max(worst, Math.abs(x[i] - y[i]));
		scale = Math.max(scale, Math.abs(y[i]));
	}
	return worst / Math.max(scale, 1e-30);
}

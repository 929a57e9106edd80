/**
 * NT-Xent (SimCLR's normalised-temperature cross-entropy, Chen et al. 2020) over 2B L2-normalised embeddings, rows
 * 0..B−1 view a and B..2B−1 view b of the same samples: for each row i with positive partner p(i),
 *   ℓ_i = −u_i·u_p(i)/τ + log Σ_{j≠i} exp(u_i·u_j/τ),   loss = mean_i ℓ_i.
 */
import * as tf from '@tensorflow/tfjs';
import { matMul } from './fast-matmul';

/** −1e9 on the diagonal, 0 elsewhere (n×n): removes the self-similarity from the log-sum-exp. */
export function selfMask(n: number): tf.Tensor2D {
	return tf.tidy(() => tf.mul(tf.eye(n), -1e9) as tf.Tensor2D);
}

/** Row-wise L2 normalisation (ε keeps a zero row finite). */
export function l2Normalise(e: tf.Tensor2D): tf.Tensor2D {
	return tf.div(e, tf.sqrt(tf.add(tf.sum(tf.square(e), 1, true), 1e-12))) as tf.Tensor2D;
}

/**
 * log Σ_j exp(x_ij) per row, with the gradient softmax(x)·dy. tf.logSumExp's autodiff also differentiates its
 * internal max (an Equal with broadcasting, then a multiply), which took 13 of the ssl preset's 23 ms per step on
 * wasm (measured 2026-11-30, Node 20). From one softmax (a vectorised kernel): with m the row max and p_max the
 * softmax at the arg max, Σ_j e^{x_j − m} = 1/p_max, so log-sum-exp = m − log p_max (p_max ≥ 1/columns: no underflow).
 */
const rowLogSumExp = tf.customGrad((...args: (tf.Tensor | ((t: tf.Tensor[]) => void))[]) => {
	const [x, save] = args as [tf.Tensor2D, (t: tf.Tensor[]) => void];
	const softmax = tf.softmax(x);
	save([softmax]);
	return {
		value: tf.sub(tf.max(x, 1), tf.log(tf.max(softmax, 1))),
		gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => [tf.mul(saved[0], tf.expandDims(dy, 1))]
	};
});

/** The NT-Xent loss of unit rows ua, ub (B×D each) at temperature τ; `mask` = selfMask(2B). */
export function ntXent(ua: tf.Tensor2D, ub: tf.Tensor2D, tau: number, mask: tf.Tensor2D): tf.Scalar {
	const U = tf.concat([ua, ub], 0) as tf.Tensor2D;
	const S = tf.add(tf.div(matMul(U, tf.transpose(U)), tau), mask);
	const pos = tf.div(tf.sum(tf.mul(ua, ub), 1), tau);
	// Each positive pair appears twice (a→b and b→a) with the same similarity.
	return tf.sub(tf.mean(rowLogSumExp(S) as tf.Tensor1D), tf.mean(pos)) as tf.Scalar;
}

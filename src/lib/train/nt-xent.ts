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

/** The NT-Xent loss of unit rows ua, ub (B×D each) at temperature τ; `mask` = selfMask(2B). */
export function ntXent(ua: tf.Tensor2D, ub: tf.Tensor2D, tau: number, mask: tf.Tensor2D): tf.Scalar {
	const U = tf.concat([ua, ub], 0) as tf.Tensor2D;
	const S = tf.add(tf.div(matMul(U, tf.transpose(U)), tau), mask);
	const pos = tf.div(tf.sum(tf.mul(ua, ub), 1), tau);
	// Each positive pair appears twice (a→b and b→a) with the same similarity.
	return tf.sub(tf.mean(tf.logSumExp(S, 1)), tf.mean(pos)) as tf.Scalar;
}

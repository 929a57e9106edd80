/**
 * Matrix products whose backward pass avoids `transposeA`/`transposeB` matmuls: on the wasm backend those run ~10×
 * slower than an explicit transpose followed by a plain matmul (measured here: p = 59 grokking step 103 ms → 28 ms).
 */
import * as tf from '@tensorflow/tfjs';

type Save = (tensors: tf.Tensor[]) => void;
type Input = tf.Tensor | Save;

/** a·b with gradients dA = dy·bᵀ and dB = aᵀ·dy computed from explicit transposes. */
const matMulGrad = tf.customGrad((...args: Input[]) => {
	const [a, b, save] = args as [tf.Tensor2D, tf.Tensor2D, Save];
	save([a, b]);
	return {
		value: tf.matMul(a, b),
		gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
			const [sa, sb] = saved as tf.Tensor2D[];
			return [tf.matMul(dy as tf.Tensor2D, tf.transpose(sb)), tf.matMul(tf.transpose(sa), dy as tf.Tensor2D)];
		}
	};
});

export function matMul(a: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor2D {
	return matMulGrad(a, b) as tf.Tensor2D;
}

/**
 * X·w for a constant X (e.g. a one-hot input) whose transpose Xt is precomputed: only w gets a gradient, Xt·dy.
 * X and Xt are owned by the caller.
 */
export function constantLeftMatMul(X: tf.Tensor2D, Xt: tf.Tensor2D): (w: tf.Tensor2D) => tf.Tensor2D {
	const f = tf.customGrad((...args: Input[]) => {
		const w = args[0] as tf.Tensor2D;
		return {
			value: tf.matMul(X, w),
			gradFunc: (dy: tf.Tensor) => [tf.matMul(Xt, dy as tf.Tensor2D)]
		};
	});
	return (w) => f(w) as tf.Tensor2D;
}

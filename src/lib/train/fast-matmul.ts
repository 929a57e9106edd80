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

/**
 * ReLU(a·w + b) as one fused kernel (matmul, bias and activation in one pass), with a backward pass of plain
 * matmuls on explicit transposes: g = dy ⊙ [y > 0], da = g·wᵀ, dw = aᵀ·g, db = Σ_rows g.
 */
const denseReluGrad = tf.customGrad((...args: Input[]) => {
	const [a, w, b, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D, Save];
	const y = tf.fused.matMul({ a, b: w, bias: b, activation: 'relu' });
	save([a, w, y]);
	return {
		value: y,
		gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
			const [sa, sw, sy] = saved as tf.Tensor2D[];
			const g = reluBackward(dy, sy);
			return [tf.matMul(g, tf.transpose(sw)), tf.matMul(tf.transpose(sa), g), columnSum(g)];
		}
	};
});

/** The gradient through y = ReLU(x), from the output: dy ⊙ [y > 0]. */
export function reluBackward(dy: tf.Tensor, y: tf.Tensor2D): tf.Tensor2D {
	return tf.mul(dy, tf.step(y)) as tf.Tensor2D;
}

/** Σ over rows as 1ᵀ·g (on wasm a matmul: ~8× faster than tf.sum over axis 0, which transposes first). */
function columnSum(g: tf.Tensor2D): tf.Tensor1D {
	return tf.reshape(tf.matMul(tf.ones([1, g.shape[0]]), g), [g.shape[1]]);
}

export function denseRelu(a: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor2D {
	return denseReluGrad(a, w, b) as tf.Tensor2D;
}

/**
 * ReLU((x − c)·w + b) for a constant x (the data): gradients for c, w and b only, with dc = −(Σ_rows g)·wᵀ, one row.
 * denseRelu(x − c, w, b) would also form the input's full gradient g·wᵀ (n × d) only to sum it: on the upload SAE
 * (256 × 1024 · 1024 × 512 per step) that matmul took ~11 ms of a ~70 ms step on wasm.
 */
export function centredDenseRelu(x: tf.Tensor2D, c: tf.Tensor1D, w: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor2D {
	const f = tf.customGrad((...args: Input[]) => {
		const [sc, sw, sb, save] = args as [tf.Tensor1D, tf.Tensor2D, tf.Tensor1D, Save];
		const xc = tf.sub(x, sc) as tf.Tensor2D;
		const y = tf.fused.matMul({ a: xc, b: sw, bias: sb, activation: 'relu' });
		save([xc, sw, y]);
		return {
			value: y,
			gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
				const [sxc, sw2, sy] = saved as tf.Tensor2D[];
				const g = reluBackward(dy, sy);
				const db = columnSum(g);
				const dc = tf.neg(tf.reshape(tf.matMul(tf.reshape(db, [1, -1]), tf.transpose(sw2)), [sw2.shape[0]]));
				return [dc, tf.matMul(tf.transpose(sxc), g), db];
			}
		};
	});
	return f(c, w, b) as tf.Tensor2D;
}

/**
 * a·w + b with the backward pass on explicit transposes (as matMul) and db = Σ_rows dy.
 * For this and denseRelu, b must hold its own data (a variable or an op's output), not be a reshape of a 2-D tensor:
 * tfjs-wasm's fused kernel then sees the 2-D shape and throws "only supports rank-1 bias" (measured, tfjs 4.22).
 */
const denseGrad = tf.customGrad((...args: Input[]) => {
	const [a, w, b, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D, Save];
	save([a, w]);
	return {
		// One kernel (matmul with the bias in its epilogue) instead of a matmul and a broadcast add.
		value: tf.fused.matMul({ a, b: w, bias: b }),
		gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
			const [sa, sw] = saved as tf.Tensor2D[];
			const g = dy as tf.Tensor2D;
			return [tf.matMul(g, tf.transpose(sw)), tf.matMul(tf.transpose(sa), g), columnSum(g)];
		}
	};
});

export function dense(a: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor2D {
	return denseGrad(a, w, b) as tf.Tensor2D;
}

/**
 * The grokking MLP's first layer on a fixed set of pairs (a_i, b_i), h = ReLU([E_a, E_b]·W1 + b1), computed
 * without the one-hot matmuls. With W1 = [W1ᵃ; W1ᵇ] (rows 0..e−1 and e..2e−1), [E_a, E_b]·W1 = E_a·W1ᵃ + E_b·W1ᵇ, so
 * one small product T = E·[W1ᵃ | W1ᵇ] (p × 2H, b1 added to the W1ᵃ half) holds every pair's two terms and
 * h_i = ReLU(T[a_i]ᵃ + T[b_i]ᵇ) is a row lookup-and-add. The backward pass is the transpose: dT collects the rows of
 * g = dh ⊙ [h > 0] by class, dE = dT·[W1ᵃ | W1ᵇ]ᵀ, dW1 = Eᵀ·dT (back in W1's layout), db1 = Σ_rows g
 * (= Σ over dT's W1ᵃ half).
 * Same function and gradients as the one-hot form (float32 sums in a different order); it drops ~56 M of the step's
 * ~95 M multiply-adds at p = 59 (the two one-hot matmuls and both n × 2e × H products).
 * Both lookups are tf.sparse.sparseSegmentSum: on tfjs-wasm 3,482 rows × 128 take ~60 µs, where tf.gather took
 * ~9 ms and tf.scatterND ~150 µs (measured 2026-11-30, Node 20).
 */
import * as tf from '@tensorflow/tfjs';
import { reluBackward } from './fast-matmul';

type Save = (tensors: tf.Tensor[]) => void;
type Input = tf.Tensor | Save;

export class PairLayer {
	readonly n: number;
	private readonly p: number;
	/** Forward: rows 2a_i and 2b_i + 1 of T viewed as 2p × H, summed into segment i (ids sorted, as required). */
	private readonly fwdIdx: tf.Tensor1D;
	private readonly fwdSeg: tf.Tensor1D;
	/** Backward: rows of g ordered by the T row they feed, and those rows (sorted). */
	private readonly bwdIdx: tf.Tensor1D;
	private readonly bwdSeg: tf.Tensor1D;
	/** Rows the backward segment sum returns (the last T row used + 1); the rest of dT is zero. */
	private readonly dTRows: number;
	/**
	 * 1 × p ones: db1 = Σ_rows g = the column sums of dT's W1ᵃ half, as one tiny matmul (1·g over all n rows took
	 * ~0.5 ms on wasm, tf.sum over axis 0 transposes first).
	 */
	private readonly ones: tf.Tensor2D;
	private readonly f: (E: tf.Tensor2D, W1: tf.Tensor2D, b1: tf.Tensor1D) => tf.Tensor2D;

	constructor(a: Int32Array, b: Int32Array, p: number) {
		const n = a.length;
		this.n = n;
		this.p = p;
		const idx = new Int32Array(2 * n);
		const seg = new Int32Array(2 * n);
		for (let i = 0; i < n; i++) {
			idx[2 * i] = 2 * a[i];
			idx[2 * i + 1] = 2 * b[i] + 1;
			seg[2 * i] = seg[2 * i + 1] = i;
		}
		// Counting sort of the 2n (row of g → row of T) links by T row.
		const count = new Int32Array(2 * p + 1);
		for (const t of idx) count[t + 1]++;
		for (let t = 0; t < 2 * p; t++) count[t + 1] += count[t];
		const rowOf = new Int32Array(2 * n);
		const target = new Int32Array(2 * n);
		for (let k = 0; k < 2 * n; k++) {
			const at = count[idx[k]]++;
			rowOf[at] = k >> 1;
			target[at] = idx[k];
		}
		this.dTRows = n > 0 ? target[2 * n - 1] + 1 : 0;
		[this.fwdIdx, this.fwdSeg, this.bwdIdx, this.bwdSeg, this.ones] = tf.tidy(() => [
			tf.tensor1d(idx, 'int32'),
			tf.tensor1d(seg, 'int32'),
			tf.tensor1d(rowOf, 'int32'),
			tf.tensor1d(target, 'int32'),
			tf.ones([1, p]) as tf.Tensor2D
		]);
		const layer = tf.customGrad((...args: Input[]) => {
			const [E, W1, b1, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D, Save];
			const [e, H] = [E.shape[1], b1.shape[0]];
			const W1cat = this.catLayout(W1, e, H);
			const T = tf.fused.matMul({ a: E, b: W1cat, bias: tf.concat([b1, tf.zerosLike(b1)]) });
			const h = tf.relu(tf.sparse.sparseSegmentSum(tf.reshape(T, [2 * p, H]), this.fwdIdx, this.fwdSeg)) as tf.Tensor2D;
			save([E, W1cat, h]);
			return {
				value: h,
				gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
					const [sE, sW1cat, sh] = saved as tf.Tensor2D[];
					const g = reluBackward(dy, sh);
					let dT = tf.sparse.sparseSegmentSum(g, this.bwdIdx, this.bwdSeg) as tf.Tensor2D;
					if (this.dTRows < 2 * p) dT = tf.pad(dT, [[0, 2 * p - this.dTRows], [0, 0]]);
					const dTcat = tf.reshape(dT, [p, 2 * H]) as tf.Tensor2D;
					const dE = tf.matMul(dTcat, tf.transpose(sW1cat));
					const dW1cat = tf.matMul(tf.transpose(sE), dTcat);
					const dW1 = tf.reshape(tf.transpose(tf.reshape(dW1cat, [e, 2, H]), [1, 0, 2]), [2 * e, H]);
					const db1 = tf.reshape(tf.slice(tf.matMul(this.ones, dTcat), [0, 0], [1, H]), [H]);
					return [dE, dW1, db1];
				}
			};
		});
		this.f = (E, W1, b1) => layer(E, W1, b1) as tf.Tensor2D;
	}

	/** W1 (2e × H) as [W1ᵃ | W1ᵇ] (e × 2H). */
	private catLayout(W1: tf.Tensor2D, e: number, H: number): tf.Tensor2D {
		return tf.reshape(tf.transpose(tf.reshape(W1, [2, e, H]), [1, 0, 2]), [e, 2 * H]);
	}

	/** ReLU([E_a, E_b]·W1 + b1) for every pair (n × H), with gradients for E, W1 and b1. */
	hidden(E: tf.Tensor2D, W1: tf.Tensor2D, b1: tf.Tensor1D): tf.Tensor2D {
		if (E.shape[0] !== this.p) throw new Error(`PairLayer: E has ${E.shape[0]} rows, expected p = ${this.p}`);
		return this.f(E, W1, b1);
	}

	dispose(): void {
		tf.dispose([this.fwdIdx, this.fwdSeg, this.bwdIdx, this.bwdSeg, this.ones]);
	}
}

import { centredSumOfSquares } from './centred-sum-of-squares';
import type { Matrix } from './types';

/**
 * ‖W_c‖_rms: the readout rows (C×d, one per class) centred over classes, then the root mean square row norm.
 * Centring removes the part of W that shifts all logits equally (it does not change the softmax).
 */
export function readoutRmsNorm(W: Matrix, classes: number, d: number): number {
	return Math.sqrt(centredSumOfSquares(W, classes, d).sumSquares / classes);
}

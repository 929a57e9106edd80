import type { Matrix } from './types';

/**
 * ‖W_c‖_rms: the readout rows (C×d, one per class) centred over classes, then the root mean square row norm.
 * Centring removes the part of W that shifts all logits equally (it does not change the softmax).
 */
export function readoutRmsNorm(W: Matrix, classes: number, d: number): number {
	const mean = new Float64Array(d);
	for (let c = 0; c < classes; c++) for (let j = 0; j < d; j++) mean[j] += W[c * d + j];
	for (let j = 0; j < d; j++) mean[j] /= classes;
	let s = 0;
	for (let c = 0; c < classes; c++) {
		for (let j = 0; j < d; j++) {
			const x = W[c * d + j] - mean[j];
			s += x * x;
		}
	}
	return Math.sqrt(s / classes);
}

import type { Matrix } from './types';

/** Position of the first NaN/±Inf in an N×d row-major matrix, or null. */
export function firstNonFinite(Z: Matrix, n: number, d: number): { row: number; column: number; value: number } | null {
	const len = n * d;
	for (let i = 0; i < len; i++) {
		const v = Z[i];
		if (v - v !== 0) return { row: Math.floor(i / d), column: i % d, value: v };
	}
	return null;
}

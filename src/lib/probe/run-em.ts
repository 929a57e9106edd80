import { emStep } from './em-step';
import { emStep32, type Points32 } from './float32-kernels';
import { emStepKernel, loadPoints } from './mixture-fast';
import type { Matrix } from './types';

export interface RunEMOptions {
	/** Fixed number of EM steps (default 5); ignored when `converge` is true. */
	steps?: number;
	/** Iterate until converged (or maxIter). */
	converge?: boolean;
	/** Convergence threshold on the largest prototype move of one step, in units of `scale` (default 1e-9). */
	tol?: number;
	/** Length scale for `tol`, typically √λ1 (default 1). */
	scale?: number;
	/** Cap for `converge` (default 10000). */
	maxIter?: number;
	/** Called after every step with the step count and the largest prototype move (a progress line for long runs). */
	onIteration?: (iteration: number, move: number) => void;
}

export interface RunEMResult {
	prototypes: Float64Array;
	iterations: number;
	/** Last move below tol·scale and not growing (a growing move means we are leaving an unstable point). */
	converged: boolean;
	/** Largest prototype move of the last step. */
	lastMove: number;
}

function largestMove(a: Float64Array, b: Float64Array, K: number, d: number): number {
	let best = 0;
	for (let k = 0; k < K; k++) {
		let s = 0;
		for (let j = 0; j < d; j++) {
			const x = a[k * d + j] - b[k * d + j];
			s += x * x;
		}
		if (s > best) best = s;
	}
	return Math.sqrt(best);
}

/**
 * EM at fixed β from `init` (K×d, not modified): a fixed number of steps, or until converged (docs/theory.md §2, §4).
 * Float64 rows run on the WebAssembly SIMD kernels when available (mixture-fast.ts), else on emStep, the reference;
 * float32 rows already in kernel memory (Points32, β > 0) on emStep32 (float32-kernels.ts).
 */
export function runEM(
	Z: Matrix | Points32,
	n: number,
	d: number,
	init: Float64Array,
	K: number,
	beta: number,
	options: RunEMOptions = {}
): RunEMResult {
	const converge = options.converge ?? false;
	const limit = converge ? (options.maxIter ?? 10000) : (options.steps ?? 5);
	const tolAbs = (options.tol ?? 1e-9) * (options.scale ?? 1);
	let cur: Float64Array = Float64Array.from(init.subarray(0, K * d));
	let spareInit: Float64Array = new Float64Array(K * d);
	let spare = spareInit;
	let move = Infinity;
	let previous = Infinity;
	let converged = false;
	let it = 0;
	const p32 = ArrayBuffer.isView(Z) ? null : Z;
	if (p32 && !(beta > 0)) throw new RangeError('runEM on Points32 needs β > 0');
	const rows = ArrayBuffer.isView(Z) ? Z : null;
	const pts = rows instanceof Float64Array && limit > 0 ? loadPoints(rows, n, d, K) : null;
	while (it < limit) {
		const next = p32
			? emStep32(p32, cur, beta, spare)
			: pts
				? emStepKernel(pts, cur, beta, spare)
				: emStep({ Z: rows!, n, d }, { prototypes: cur, K, beta }, spare);
		previous = move;
		move = largestMove(next, cur, K, d);
		spare = cur;
		cur = next;
		it++;
		converged = move <= tolAbs && move <= previous;
		options.onIteration?.(it, move);
		if (converge && converged) break;
	}
	return { prototypes: cur, iterations: it, converged, lastMove: it > 0 ? move : 0 };
}

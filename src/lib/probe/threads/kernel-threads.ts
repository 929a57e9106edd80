import type { Exports } from '../wasm/wasm-kernels';

/**
 * What float32-kernels.ts needs from a pool of threads sharing one WebAssembly memory (the Node implementation is
 * probe-threads.ts; this file is types only, so browser bundles import nothing from Node).
 */
export interface KernelThreads {
	/** The kernels instantiated on the shared memory, for the calling thread. */
	readonly k: Exports;
	/** Threads taking part in a call, the calling thread included. */
	readonly count: number;
	/** Row ranges a call is split into (the threads claim them as they come free; 1 without workers). */
	readonly chunks: number;
	/** Below this many multiply-adds per kernel call the callers stay on one thread (the wake-up costs more). */
	readonly minWork: number;
	/** Runs kernel `op` once per args[i] (at most `chunks`), on whichever thread claims it; returns when all are done. */
	run(op: KernelOp, args: number[][]): void;
}

export type KernelOp = 'cov32' | 'em32';

/** The kernels the threads can run, by index (the control block carries the index). */
export const KERNEL_OPS: readonly KernelOp[] = ['cov32', 'em32'];

/**
 * Splits rows [0, n) into `parts` ranges whose inner bounds are multiples of `align` (cov32's f32 blocks stay the
 * single-thread blocks; em32's row pairs stay pairs), as even as that allows; a range may be empty.
 */
export function splitRows(n: number, parts: number, align: number): number[] {
	const bounds = [0];
	for (let t = 1; t < parts; t++) bounds.push(Math.min(n, Math.round((n * t) / parts / align) * align));
	bounds.push(n);
	return bounds;
}

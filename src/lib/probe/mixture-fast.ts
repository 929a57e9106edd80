import { freeEnergy } from './free-energy';
import { softmaxRow } from './softmax-row';
import type { Matrix } from './types';
import { kernelMemory, wasmKernels, type Exports } from './wasm/wasm-kernels';

/**
 * The mixture's O(N·K·d) passes on the WebAssembly SIMD kernels (f64x2, float64 like the TypeScript reference in
 * em-step.ts and free-energy.ts, which the tests compare against): the centred rows are copied once into kernel
 * memory (rows padded to a multiple of 4, width to even); an EM step is one `scores` call (Z·Mᵀ), the softmax in
 * TypeScript (softmaxRow — exp has no WebAssembly instruction) and one `accum` call (Pᵀ·Z).
 * Kernel memory is scratch shared with covarianceFast: a KernelPoints is valid until the next load.
 */
export interface KernelPoints {
	k: Exports;
	n: number;
	d: number;
	np: number;
	dp: number;
	K: number;
	/** float64 offsets of Z, the prototypes M, the scores/responsibilities S and the accumulator A. */
	zOff: number;
	mOff: number;
	sOff: number;
	aOff: number;
	/** ½Σ_n‖z_n‖², for the free energy. */
	halfZ2: number;
}

/** Copies Z (n×d float64) into kernel memory; null when the kernels are unavailable (use the reference then). */
export function loadPoints(Z: Float64Array, n: number, d: number, K: number): KernelPoints | null {
	const k = d >= 8 ? wasmKernels() : null;
	if (!k) return null;
	const np = Math.ceil(n / 4) * 4;
	const dp = d + (d % 2);
	const zOff = 0;
	const mOff = np * dp;
	const sOff = mOff + K * dp;
	const aOff = sOff + np * K;
	const mem = kernelMemory(k, (aOff + K * dp) * 8);
	let z2 = 0;
	for (let i = 0; i < n * d; i++) z2 += Z[i] * Z[i];
	if (dp === d) mem.set(Z.subarray(0, n * d), zOff);
	else
		for (let r = 0; r < n; r++) {
			mem.set(Z.subarray(r * d, r * d + d), zOff + r * dp);
			mem[zOff + r * dp + d] = 0;
		}
	mem.fill(0, zOff + n * dp, zOff + np * dp);
	mem.fill(0, mOff, aOff + K * dp); // padding columns of M and A stay 0
	return { k, n, d, np, dp, K, zOff, mOff, sOff, aOff, halfZ2: 0.5 * z2 };
}

/** s_nk = β(z_n·μ_k − ½‖μ_k‖²) for every row, into S (np×K; padded rows hold junk). Returns the kernel memory. */
export function scores(pts: KernelPoints, prototypes: Float64Array, beta: number): Float64Array {
	const { k, np, d, dp, K, zOff, mOff, sOff } = pts;
	const mem = new Float64Array(k.memory.buffer);
	const half = new Float64Array(K);
	for (let q = 0; q < K; q++) {
		let h = 0;
		for (let j = 0; j < d; j++) {
			const v = prototypes[q * d + j];
			mem[mOff + q * dp + j] = v;
			h += v * v;
		}
		half[q] = 0.5 * h;
	}
	k.scores(zOff * 8, np, dp, mOff * 8, K, sOff * 8);
	for (let r = 0; r < pts.n; r++) {
		const o = sOff + r * K;
		for (let q = 0; q < K; q++) mem[o + q] = beta * (mem[o + q] - half[q]);
	}
	return mem;
}

/** One EM step (as emStep): into `out` (K×d); a prototype whose responsibility underflows to 0 stays. */
export function emStepKernel(pts: KernelPoints, prototypes: Float64Array, beta: number, out: Float64Array): Float64Array {
	const { k, n, np, d, dp, K, zOff, sOff, aOff } = pts;
	const mem = scores(pts, prototypes, beta);
	const weight = new Float64Array(K);
	for (let r = 0; r < n; r++) {
		const o = sOff + r * K;
		softmaxRow(mem, o, K);
		for (let q = 0; q < K; q++) weight[q] += mem[o + q];
	}
	mem.fill(0, sOff + n * K, sOff + np * K); // padded rows carry no responsibility
	mem.fill(0, aOff, aOff + K * dp);
	k.accum(zOff * 8, np, dp, sOff * 8, K, aOff * 8);
	for (let q = 0; q < K; q++) {
		if (weight[q] > 0) {
			const inv = 1 / weight[q];
			for (let j = 0; j < d; j++) out[q * d + j] = mem[aOff + q * dp + j] * inv;
		} else for (let j = 0; j < d; j++) out[q * d + j] = prototypes[q * d + j];
	}
	return out;
}

/** F(M; β) as freeEnergy (β > 0). */
export function freeEnergyKernel(pts: KernelPoints, prototypes: Float64Array, beta: number): number {
	const { n, K, sOff } = pts;
	const mem = scores(pts, prototypes, beta);
	const logK = Math.log(K);
	let total = 0;
	for (let r = 0; r < n; r++) total -= (softmaxRow(mem, sOff + r * K, K) - logK) / beta;
	return (total + pts.halfZ2) / n;
}

/** freeEnergy on the kernels when they apply (float64 rows, β > 0), else the reference. */
export function freeEnergyFast(Z: Matrix, n: number, d: number, prototypes: Float64Array, K: number, beta: number): number {
	const pts = beta > 0 && Z instanceof Float64Array ? loadPoints(Z, n, d, K) : null;
	return pts ? freeEnergyKernel(pts, prototypes, beta) : freeEnergy({ Z, n, d }, { prototypes, K, beta });
}

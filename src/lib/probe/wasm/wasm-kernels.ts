import { KERNELS_WASM_BASE64 } from './kernels-wasm';

/**
 * The WebAssembly SIMD kernels (kernels.wat), instantiated synchronously on first use (the module is < 1 KB, so
 * even a browser's main thread allows it). null where WebAssembly or its SIMD is unavailable — the callers then run
 * the TypeScript reference, which the tests compare these kernels against.
 */
export interface Exports {
	memory: WebAssembly.Memory;
	cov(z: number, np: number, dp: number, c: number, i0: number, i1: number): void;
	scores(z: number, np: number, dp: number, m: number, K: number, s: number): void;
	accum(z: number, np: number, dp: number, p: number, K: number, a: number): void;
	symv(w: number, d: number, s0: number, v: number, p: number): void;
	syr2(w: number, d: number, s0: number, v: number, q: number): void;
	syr2symv(w: number, d: number, i0: number, i1: number, v: number, q: number, v2: number, p2: number): void;
	// float32 rows (float32-kernels.ts)
	restride32(src: number, n: number, d: number, dst: number, rs: number): void;
	centreSums32(z: number, n: number, dp: number, rs: number, mean: number): void;
	centreWrite32(z: number, n: number, dp: number, rs: number, mean: number, out: number, scale: number): void;
	cov32(z: number, n: number, dp: number, c: number, block: number, rs: number): void;
	em32(
		z: number,
		n: number,
		dp: number,
		rs: number,
		mean: number,
		m: number,
		Kp: number,
		K: number,
		half: number,
		beta: number,
		ps: number,
		a: number,
		stats: number,
		accumulate: number,
		xb: number
	): void;
	exp64(x: number): number;
	// eigenvectors, 8 at a time (symmetric-eigen.ts)
	rot8(x: number, idx: number, cs: number, ss: number, count: number, lo: number, hi: number): void;
	refl8(x: number, r: number, tau: number, d: number): void;
}

let instance: Exports | null | undefined;
let disabled = false;

function decode(b64: string): Uint8Array<ArrayBuffer> {
	const text = atob(b64); // in browsers, workers and Node ≥ 16
	const out = new Uint8Array(text.length);
	for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
	return out;
}

export function wasmKernels(): Exports | null {
	if (disabled) return null;
	if (instance !== undefined) return instance;
	try {
		const bytes = decode(KERNELS_WASM_BASE64);
		if (typeof WebAssembly === 'undefined' || !WebAssembly.validate(bytes)) return (instance = null);
		instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {}).exports as unknown as Exports;
	} catch {
		instance = null;
	}
	return instance;
}

/** Tests and benchmarks: force the TypeScript reference (true) or allow the kernels again (false). */
export function disableWasmKernels(off: boolean): void {
	disabled = off;
}

let liveEnd = 0;

/**
 * Kernel memory below `bytes` holds data a caller still needs (float32-kernels.ts's Points32, between the spectrum
 * and EM); scratch for work done in between (the eigenvectors) goes above it.
 */
export function markLive(bytes: number): void {
	liveEnd = Math.ceil(bytes / 64) * 64;
}

export function liveBytes(): number {
	return liveEnd;
}

/** A float64 view of the kernel memory, grown to hold at least `bytes`. */
export function kernelMemory(k: Exports, bytes: number): Float64Array {
	const have = k.memory.buffer.byteLength;
	if (have < bytes) k.memory.grow(Math.ceil((bytes - have) / 65536));
	return new Float64Array(k.memory.buffer);
}

import { covarianceOfCentred } from './covariance-of-centred';
import { kernelMemory, wasmKernels } from './wasm/wasm-kernels';

/**
 * Σ = ZcᵀZc/N for centred rows, by the WebAssembly SIMD kernel (f64x2: float64 like the reference; only the order of
 * the additions differs, agreement ≈ 1e-15 relative) when available, else by covarianceOfCentred, the TypeScript
 * reference. Rows are copied into the kernel's memory padded to a multiple of 4 and an even width (zero padding adds
 * nothing to the sums).
 */
export function covarianceFast(Zc: Float64Array, n: number, d: number, out?: Float64Array): Float64Array {
	const k = d >= 8 ? wasmKernels() : null;
	if (!k) return covarianceOfCentred(Zc, n, d, out);
	const np = Math.ceil(n / 4) * 4;
	const dp = d + (d % 2);
	const zBytes = np * dp * 8;
	const mem = kernelMemory(k, zBytes + dp * dp * 8);
	const zOff = 0;
	const cOff = zBytes / 8;
	if (dp === d) mem.set(Zc.subarray(0, n * d), zOff);
	else for (let r = 0; r < n; r++) {
		mem.set(Zc.subarray(r * d, r * d + d), zOff + r * dp);
		mem[zOff + r * dp + d] = 0;
	}
	mem.fill(0, zOff + n * dp, zOff + np * dp);
	mem.fill(0, cOff, cOff + dp * dp);
	// Tiles of rows of C of ~128 KB: they stay in cache while every row of Z streams past (measured 3× at d = 512).
	const tile = Math.max(2, Math.floor(16384 / dp) & ~1);
	for (let i0 = 0; i0 < dp; i0 += tile) k.cov(zOff * 8, np, dp, cOff * 8, i0, Math.min(dp, i0 + tile));
	const C = out && out.length >= d * d ? out : new Float64Array(d * d);
	const inv = 1 / n;
	for (let i = 0; i < d; i++) {
		for (let j = i; j < d; j++) {
			const v = mem[cOff + i * dp + j] * inv;
			C[i * d + j] = v;
			C[j * d + i] = v;
		}
	}
	return C;
}

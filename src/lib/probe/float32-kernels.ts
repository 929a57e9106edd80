import { splitRows, type KernelThreads } from './threads/kernel-threads';
import { kernelMemory, markLive, wasmKernels, type Exports } from './wasm/wasm-kernels';

/**
 * The probe's heavy passes for float32 hidden states (what the training worker and most .npy files hold), on the
 * WebAssembly SIMD kernels, with the rows copied into kernel memory once per snapshot:
 * - the column means and Σ‖z − z̄‖² in float64 (the same sums, in the same order, as centreRows: identical values);
 * - the covariance from an f32 centred copy (scaled by a power of two to O(1)), f32x4 register tiles summed over
 *   blocks of 128 rows and flushed into float64. Stated tolerance against the float64 reference (covarianceOfCentred):
 *   |ΔΣ_ij| ≤ 1e-6·√(Σ_ii Σ_jj), hence eigenvalues within 1e-6·λ1 and ρ = β·λ1 within 1e-6 relative (tested; ~1e-7
 *   measured). A column more than ~1e18 below the data's rms (a numerically dead unit) underflows in f32 products:
 *   its variance is lost (the bound becomes |ΔΣ_ij| ≤ 1e-6·√(Σ_ii Σ_jj) + 1e-36·tr Σ);
 * - EM and the free energy in float64 arithmetic on the raw f32 rows, centred on the fly (z − z̄ in float64, exactly
 *   the reference's centred values): one kernel pass per step does scores, softmax (a polynomial exp) and the
 *   prototype sums; the free energy is one more pass without the sums. Agreement with em-step.ts/free-energy.ts is
 *   to rounding (1e-12 relative), because the split of nearly merged prototypes lives in differences ~1e-6 of the
 *   responsibilities, which float32 could not hold.
 * Kernel memory is scratch shared with the other probe kernels: Points32 stays valid through the dense eigensolver
 * (householder-kernel.ts uses only the covariance region) and until the next load (covariance-fast.ts, mixture-fast.ts).
 * With `threads` (Node only, threads/probe-threads.ts) the rows live in the pool's shared memory instead, and cov32 /
 * em32 run on the pool's row ranges (claimed by whichever thread is free), each into its own partial sums, added in
 * range order afterwards: the result depends only on (N, range count), never on which thread ran what, so threaded
 * runs are deterministic; they differ from one thread only in
 * the order of float64 additions (the f32 blocks are the same 128-row blocks), well inside the tolerances above.
 */
export interface Points32 {
	k: Exports;
	n: number;
	d: number;
	/** Columns the kernels run over (d rounded up to 8; padding columns are 0) and the row stride in floats. */
	dp: number;
	rs: number;
	K: number;
	/** K rounded up to 8 (em32 handles prototypes in groups of 8; the padding prototypes get no responsibility). */
	Kp: number;
	/** Byte addresses in kernel memory. */
	raw: number;
	cen: number;
	cov: number;
	mean: number;
	m: number;
	a: number;
	half: number;
	ps: number;
	stats: number;
	/** Two centred rows in float64, from em32's E-step to its sums. */
	xb: number;
	/** z̄ (length d) and N·tr Σ = Σ_n ‖z_n − z̄‖², in float64. */
	meanValues: Float64Array;
	sumSquares: number;
	/** The power of two the f32 centred copy was multiplied by. */
	scale: number;
	/** Set when the rows are in a thread pool's shared memory. */
	threads: KernelThreads | null;
	/** Per-range partial sums (range 0's are cov, a, ps, stats, xb above); one range per pool chunk. */
	parts: Part[];
}

/** One row range's scratch: its covariance partial (dp×dp), prototype sums, scores, stats and centred-row buffer. */
interface Part {
	cov: number;
	a: number;
	ps: number;
	stats: number;
	xb: number;
}

/** Rows per f32 block in cov32 before the sums move to float64 (the f32 rounding grows with it, not with N). */
const COV_BLOCK = 128;

/**
 * Copies Z (n×d float32) into kernel memory and centres it; null when the kernels are unavailable or d < 8.
 * `threads`: a pool (Node) whose shared memory takes the rows, so cov32 and em32 can run on all its threads.
 */
export function loadPoints32(Z: Float32Array, n: number, d: number, K: number, threads?: KernelThreads | null): Points32 | null {
	const pool = threads && threads.count > 1 ? threads : null;
	const k = d >= 8 ? (pool ? pool.k : wasmKernels()) : null;
	if (!k) return null;
	const dp = Math.ceil(d / 8) * 8;
	// Rows as they come when d is a multiple of 8 (one copy, no restride pass); else padded to dp with zeros.
	const rs = dp;
	const Kp = Math.ceil(K / 8) * 8;
	const rowBytes = n * rs * 4;
	// The covariance's float64 sums first: the eigensolver's kernels (householder-kernel.ts) reuse the front of kernel
	// memory for the d×d matrix, which clobbers only this region, already copied out by then.
	const cov = 0;
	const raw = cov + Math.ceil(Math.max(dp * dp, d * d + 4 * d) / 8) * 64;
	const cen = raw + rowBytes;
	const mean = cen + rowBytes;
	const m = mean + (dp + 2) * 8;
	const a = m + Kp * dp * 8;
	const half = a + Kp * dp * 8;
	const ps = half + Kp * 8;
	const stats = ps + 2 * Kp * 8;
	const xb = stats + Math.ceil((Kp + 3) / 2) * 16;
	let end = xb + 2 * dp * 8 + 64; // + slack: restride32 reads up to 3 floats past its source
	const parts: Part[] = [{ cov, a, ps, stats, xb }];
	for (let t = 1; t < (pool?.chunks ?? 1); t++) {
		const part = { cov: end, a: end + dp * dp * 8, ps: 0, stats: 0, xb: 0 };
		part.ps = part.a + Kp * dp * 8;
		part.stats = part.ps + 2 * Kp * 8;
		part.xb = part.stats + Math.ceil((Kp + 3) / 2) * 16;
		end = part.xb + 2 * dp * 8 + 64;
		parts.push(part);
	}
	try {
		kernelMemory(k, end);
	} catch {
		// beyond what WebAssembly memory can hold (4 GB): one thread (then the TypeScript reference) takes it
		return pool ? loadPoints32(Z, n, d, K) : null;
	}
	if (!pool) markLive(end); // the pool's memory is not the one the eigensolver's kernels use
	if (rs === d) new Float32Array(k.memory.buffer, raw, n * d).set(Z.subarray(0, n * d));
	else {
		// Z goes in packed (one copy), then restride32 pads the rows; the centred copy overwrites the packed one later.
		new Float32Array(k.memory.buffer, cen, n * d).set(Z.subarray(0, n * d));
		k.restride32(cen, n, d, raw, rs);
	}
	k.centreSums32(raw, n, dp, rs, mean);
	const f64 = new Float64Array(k.memory.buffer);
	// The scale from the raw values' rms (known after the first pass): the centred values are at most ~2√(N·d) times
	// it, and, float32 data resolving 2^-24 of its values, not below ~2^-24 of it unless 0 — safe for f32 products.
	const rms = Math.sqrt(f64[mean / 8 + dp + 1] / (n * d));
	const scale = rms > 0 && Number.isFinite(rms) ? 2 ** -Math.round(Math.log2(rms)) : 1;
	k.centreWrite32(raw, n, dp, rs, mean, cen, scale);
	const meanValues = f64.slice(mean / 8, mean / 8 + d);
	const sumSquares = f64[mean / 8 + dp];
	for (const part of parts) new Float64Array(k.memory.buffer, part.xb, 2 * dp).fill(0);
	return { k, n, d, dp, rs, K, Kp, raw, cen, cov, mean, m, a, half, ps, stats, xb, meanValues, sumSquares, scale, threads: pool, parts };
}

/**
 * The row ranges a call of `work` (float64 multiply-adds, as em32 does them; cov32's f32x4 ones count a quarter) is
 * split into: the pool's, or 1 (the calling thread alone) when there is none or the call is too small to pay for
 * waking a thread.
 */
function rangesFor(pts: Points32, work: number): number {
	return pts.threads && work >= pts.threads.minWork ? pts.threads.chunks : 1;
}

/** Σ = ZcᵀZc/N (d×d, symmetric, float64) from the f32 centred copy, within the tolerance stated above. */
export function covariance32(pts: Points32, out?: Float64Array): Float64Array {
	const { k, n, d, dp, rs, cov } = pts;
	const T = rangesFor(pts, (n * dp * dp) / 8);
	const mem = new Float64Array(k.memory.buffer);
	const c0 = cov / 8;
	if (T > 1) {
		const bounds = splitRows(n, T, COV_BLOCK);
		const args: number[][] = [];
		for (let t = 0; t < T; t++) {
			const part = pts.parts[t].cov;
			mem.fill(0, part / 8, part / 8 + dp * dp);
			args.push([pts.cen + bounds[t] * rs * 4, bounds[t + 1] - bounds[t], dp, part, COV_BLOCK, rs]);
		}
		pts.threads!.run('cov32', args);
		// the partials added into range 0's, in range order (upper triangle: what cov32 writes)
		for (let t = 1; t < T; t++) {
			const p0 = pts.parts[t].cov / 8;
			for (let i = 0; i < d; i++) for (let j = i; j < d; j++) mem[c0 + i * dp + j] += mem[p0 + i * dp + j];
		}
	} else {
		mem.fill(0, c0, c0 + dp * dp);
		k.cov32(pts.cen, n, dp, cov, COV_BLOCK, rs);
	}
	const C = out && out.length >= d * d ? out : new Float64Array(d * d);
	const inv = 1 / (n * pts.scale * pts.scale);
	for (let i = 0; i < d; i++) {
		const row = c0 + i * dp;
		for (let j = i; j < d; j++) {
			const v = mem[row + j] * inv;
			C[i * d + j] = v;
			C[j * d + i] = v;
		}
	}
	return C;
}

/** Writes the prototypes (K×d, centred coordinates) into the kernel's interleaved layout and ½‖μ_k‖²; zeroes stats. */
function loadPrototypes(pts: Points32, prototypes: Float64Array): Float64Array {
	const { k, d, dp, K, Kp } = pts;
	const mem = new Float64Array(k.memory.buffer);
	const m0 = pts.m / 8;
	mem.fill(0, m0, m0 + Kp * dp);
	for (let q = 0; q < K; q++) {
		const g = m0 + (q >> 3) * dp * 8 + (q & 7) * 2;
		let h = 0;
		for (let j = 0; j < d; j++) {
			const v = prototypes[q * d + j];
			mem[g + (j >> 1) * 16 + (j & 1)] = v;
			h += v * v;
		}
		mem[pts.half / 8 + q] = 0.5 * h;
	}
	for (let q = K; q < Kp; q++) mem[pts.half / 8 + q] = Infinity; // score −∞: no responsibility
	return mem;
}

/** Zeroes the stats of the first T parts (and their prototype sums when `sums`). */
function resetParts(pts: Points32, mem: Float64Array, T: number, sums: boolean): void {
	const { dp, Kp } = pts;
	for (let t = 0; t < T; t++) {
		const s0 = pts.parts[t].stats / 8;
		mem.fill(0, s0, s0 + Kp + 3);
		mem[s0 + Kp + 1] = 1; // the running product of the rows' Σ_k e^(s − max)
		if (sums) mem.fill(0, pts.parts[t].a / 8, pts.parts[t].a / 8 + Kp * dp);
	}
}

/** em32 over all rows: on the calling thread, or on T row ranges (even bounds) into the parts' sums. */
function em32All(pts: Points32, beta: number, accumulate: 0 | 1): number {
	const { k, n, dp, rs, K, Kp } = pts;
	const T = rangesFor(pts, n * Kp * dp * (1 + accumulate));
	const mem = new Float64Array(k.memory.buffer);
	resetParts(pts, mem, T, accumulate === 1);
	if (T === 1) {
		k.em32(pts.raw, n, dp, rs, pts.mean, pts.m, Kp, K, pts.half, beta, pts.ps, pts.a, pts.stats, accumulate, pts.xb);
		return 1;
	}
	const bounds = splitRows(n, T, 2);
	const args: number[][] = [];
	for (let t = 0; t < T; t++) {
		const p = pts.parts[t];
		const z = pts.raw + bounds[t] * rs * 4;
		args.push([z, bounds[t + 1] - bounds[t], dp, rs, pts.mean, pts.m, Kp, K, pts.half, beta, p.ps, p.a, p.stats, accumulate, p.xb]);
	}
	pts.threads!.run('em32', args);
	return T;
}

/** One EM step (as emStep on the centred rows): into `out` (K×d); a prototype whose responsibility underflows stays. */
export function emStep32(pts: Points32, prototypes: Float64Array, beta: number, out: Float64Array): Float64Array {
	const { d, dp, K } = pts;
	loadPrototypes(pts, prototypes);
	const T = em32All(pts, beta, 1);
	const mem = new Float64Array(pts.k.memory.buffer);
	for (let q = 0; q < K; q++) {
		let w = 0;
		for (let t = 0; t < T; t++) w += mem[pts.parts[t].stats / 8 + q];
		const g = (q >> 3) * dp * 8 + (q & 7) * 2;
		if (w > 0) {
			const inv = 1 / w;
			for (let j = 0; j < d; j++) {
				const at = g + (j >> 1) * 16 + (j & 1);
				let sum = 0;
				for (let t = 0; t < T; t++) sum += mem[pts.parts[t].a / 8 + at];
				out[q * d + j] = sum * inv;
			}
		} else for (let j = 0; j < d; j++) out[q * d + j] = prototypes[q * d + j];
	}
	return out;
}

/** F(M; β) on the centred rows, as freeEnergy (β > 0): one E-step pass. */
export function freeEnergy32(pts: Points32, prototypes: Float64Array, beta: number): number {
	const { n, K, Kp } = pts;
	loadPrototypes(pts, prototypes);
	const T = em32All(pts, beta, 0);
	const mem = new Float64Array(pts.k.memory.buffer);
	// Σ_n log Σ_k e^(s_nk) = Σ_n max_n + log Π_n Σ_k e^(s_nk − max_n), the product kept as mantissa · 2^(500·count)
	// (per row range; their logs added in range order).
	let sumLse = 0;
	for (let t = 0; t < T; t++) {
		const s0 = pts.parts[t].stats / 8 + Kp;
		sumLse += mem[s0] + Math.log(mem[s0 + 1]) + mem[s0 + 2] * 500 * Math.LN2;
	}
	return (0.5 * pts.sumSquares - (sumLse - n * Math.log(K)) / beta) / n;
}

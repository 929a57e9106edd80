import { anisotropyIndex } from './anisotropy-index';
import { betaFromSpec } from './beta-from-spec';
import { centreRows } from './centre-rows';
import { createProbeState } from './create-probe-state';
import { effectiveRank } from './effective-rank';
import { firstNonFinite } from './first-non-finite';
import { freeEnergy32, loadPoints32 } from './float32-kernels';
import { freeEnergyFast } from './mixture-fast';
import { hessianMinAtState } from './hessian-at-state';
import { hessianSpectrum } from './hessian-spectrum';
import { jitterPrototypes } from './jitter-prototypes';
import { kEffOf } from './k-eff-of';
import { normaliseRows } from './normalise-rows';
import { ProbeInputError } from './probe-error';
import { createRng, mixSeed } from '../random';
import { runEM } from './run-em';
import { scratch } from './scratch';
import { spreadOf } from './spread-of';
import { covariance32 } from './float32-kernels';
import { preparedSpectrum, type PreparedSnapshot } from './prepare-snapshot';
import { denseRoute, snapshotSpectrum, spectrumOfCovariance } from './snapshot-spectrum';
import { unstableDirections } from './unstable-directions';
import type { BetaSpec, Matrix, ProbeOptions, ProbeState, SnapshotResult } from './types';

function validate(Z: Matrix, n: number, d: number, K: number): void {
	if (!Number.isInteger(d) || d < 1) throw new ProbeInputError(`d must be a positive integer, got ${d}`);
	if (!Number.isInteger(n) || n < 2) throw new ProbeInputError(`need at least 2 points, got N = ${n}`, 'shape');
	if (!Number.isInteger(K) || K < 1) throw new ProbeInputError(`K must be a positive integer, got ${K}`);
	if (Z.length < n * d) throw new ProbeInputError(`Z has ${Z.length} values, expected N × d = ${n} × ${d} = ${n * d}`, 'shape');
}

function checkFinite(Z: Matrix, n: number, d: number): void {
	const bad = firstNonFinite(Z, n, d);
	if (bad) throw new ProbeInputError(`non-finite value ${bad.value} at row ${bad.row}, column ${bad.column}`, 'non-finite');
}

/**
 * One probe update on a snapshot Z (N×d row-major): spectrum, β(t), β_c, ρ, closed-form Hessian, then EM
 * warm-started from `state` (or a jittered symmetric start) — docs/theory.md §1–4. Returns the result and the next
 * state (a new object; the given state is not modified). Throws ProbeInputError on bad input.
 * `prepared`: Z already centred and its spectrum taken by prepareSnapshot (with `kernel` matching β's mode, rows
 * checked finite; Z is then not read) or prepareSnapshot32 (Z the same float32 rows, read only if something needs a
 * float64 centred copy), e.g. ahead in a worker thread of `npm run probe --workers N`.
 */
export function probeSnapshot(
	Z: Matrix,
	n: number,
	d: number,
	beta: BetaSpec,
	state: ProbeState | null,
	options: ProbeOptions = {},
	prepared?: PreparedSnapshot
): { result: SnapshotResult; state: ProbeState } {
	const K = options.K ?? state?.K ?? 8;
	validate(prepared?.centred ?? Z, n, d, K);
	// float32 rows on the dense route: centring, covariance, EM and free energy on the float32 kernels, without a
	// float64 centred copy (float32-kernels.ts states the tolerance); the copy is made only where something needs it.
	const fast32 = prepared ? prepared.points32 !== undefined : beta.mode !== 'kernel' && Z instanceof Float32Array && denseRoute(n, d);
	if (!fast32 && !prepared) checkFinite(Z, n, d);
	const prev = state && state.K === K && state.d === d ? state : createProbeState(d, K, options.seed ?? state?.seed ?? 1);
	const snapshots = prev.snapshots ?? 0;
	const topK = Math.min(options.topK ?? 8, d);

	// kernel mode lives on the sphere: probe the L2-normalised rows.
	const rows = beta.mode === 'kernel' && !prepared ? normaliseRows(Z, n, d, scratch('unit', n * d)) : Z;
	const reference = prev.eigvecs && prev.eigvecs.length === topK * d ? prev.eigvecs : null;
	const p32 = prepared ? (prepared.points32 ?? null) : fast32 ? loadPoints32(Z as Float32Array, n, d, K, options.threads) : null;
	// The kernels' sums are non-finite exactly when a value is (one pass fewer): only then look for it.
	if (fast32 && !(p32 && Number.isFinite(p32.sumSquares))) checkFinite(Z, n, d);
	let centredCopy: { mean: Float64Array; centred: Float64Array } | null = prepared?.centred ? { mean: prepared.mean, centred: prepared.centred } : null;
	const centredRows = () => (centredCopy ??= centreRows(rows, n, d, scratch('centred', n * d)));
	const mean = p32 ? p32.meanValues : centredRows().mean;
	const eig = prepared
		? preparedSpectrum(prepared, n, d, topK, reference)
		: p32
			? spectrumOfCovariance(covariance32(p32, scratch('cov', d * d)), d, p32.sumSquares / n, topK, reference)
			: snapshotSpectrum(centredRows().centred, n, d, topK, { reference });
	const trace = eig.trace;
	const lambdas = Array.from(eig.values, (x) => Math.max(x, 0));
	const lambda1 = lambdas[0];
	const b = betaFromSpec(beta, { d, trace });
	const betaC = lambda1 > 0 ? 1 / lambda1 : Infinity;
	const rho = b * lambda1;

	const jitterAmplitude = (options.jitter ?? 1e-6) * Math.sqrt(Math.max(trace, 0) / d);
	const init = prev.prototypes ? Float64Array.from(prev.prototypes) : new Float64Array(K * d);
	jitterPrototypes(init, jitterAmplitude, createRng(mixSeed(prev.seed, snapshots)));
	const scale = lambda1 > 0 ? Math.sqrt(lambda1) : 1;
	// From a near-symmetric start the unstable mode can hide under faster decaying ones: require the move to
	// be well below the jitter too before calling it converged.
	const tol = Math.min((options.tol ?? 1e-9) * scale, jitterAmplitude > 0 ? 1e-3 * jitterAmplitude : Infinity);
	const fastEM = p32 && b > 0 ? p32 : null;
	const em = runEM(fastEM ?? centredRows().centred, n, d, init, K, b, {
		steps: options.emSteps ?? 5,
		converge: options.converge ?? false,
		tol,
		scale: 1,
		maxIter: options.maxIter ?? 10000,
		onIteration: options.onEmIteration
	});

	// Before the Hessian: its kernels reuse the kernel memory that holds the float32 rows.
	const freeEnergy = fastEM ? freeEnergy32(fastEM, em.prototypes, b) : freeEnergyFast(centredRows().centred, n, d, em.prototypes, K, b);

	const hOpt = options.hessianAtState;
	const atState = hOpt
		? hessianMinAtState({ Z: centredRows().centred, n, d }, { prototypes: em.prototypes, K, beta: b }, {
				start: prev.hessianVector ?? null,
				maxIter: typeof hOpt === 'object' ? hOpt.maxIter : undefined,
				seed: mixSeed(prev.seed, snapshots + 0x51ed)
			})
		: null;

	const v1 = eig.vectors.slice(0, d);
	const v2 = d > 1 ? eig.vectors.slice(d, 2 * d) : new Float64Array(d);
	const { spread, projV1 } = spreadOf(em.prototypes, K, d, lambda1, v1);
	// Wide data by Lanczos knows only the top eigenvalues: no effective rank then (NaN, shown as not computed).
	const effRank = eig.complete ? effectiveRank(eig.spectrum) : Number.NaN;
	const maxTrace = Math.max(prev.maxTrace, trace);
	const prototypes = new Float64Array(K * d);
	for (let k = 0; k < K; k++) for (let j = 0; j < d; j++) prototypes[k * d + j] = em.prototypes[k * d + j] + mean[j];

	const result: SnapshotResult = {
		n,
		d,
		K,
		betaMode: beta.mode,
		beta: b,
		lambdas,
		lambda1,
		v1,
		v2,
		trace,
		betaC,
		rho,
		hessian: hessianSpectrum(lambdas, b, K, d),
		hessianMin: (1 - rho) / K,
		hessianAtState: atState ? { min: atState.min, iterations: atState.iterations, converged: atState.converged } : null,
		unstableDirections: unstableDirections(eig.spectrum, b, K),
		spread,
		projV1,
		kEff: kEffOf(em.prototypes, K, d, trace),
		anisotropy: anisotropyIndex(lambda1, trace, d),
		effectiveRank: effRank,
		freeEnergy,
		emIterations: em.iterations,
		converged: em.converged,
		// Effective rank < 2 (docs/theory.md §4) would flag every healthy cloud in d ≤ 3; below d = 4 use d/2.
		collapseWarning: trace < 0.1 * maxTrace || effRank < Math.min(2, d / 2),
		prototypes,
		mean,
		spectrum: eig.spectrum,
		eigvecs: eig.vectors,
		jitterAmplitude,
		lastMove: em.lastMove
	};
	const next: ProbeState = {
		K,
		d,
		prototypes: em.prototypes,
		eigvecs: eig.vectors,
		maxTrace,
		seed: prev.seed,
		snapshots: snapshots + 1,
		hessianVector: atState ? atState.vector : (prev.hessianVector ?? null)
	};
	return { result, state: next };
}

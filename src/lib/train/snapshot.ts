/**
 * Turn one evaluation + probe update into the compact Snapshot posted to the UI: probe metrics, spectrum top-k,
 * prototypes and a fixed subsample of points projected on the top-2 principal plane (v1, v2).
 */
import { createRng, mixSeed, probeSnapshot } from '../probe/index';
import type { ProbeState, SnapshotResult, TrajectoryPoint } from '../probe/types';
import type { ProbeConfig } from './config';
import type { ProbeSummary } from './protocol';
import type { Evaluation } from './trainer';

/** Rows of X (n×d, or the listed rows) minus `mean`, projected on v1 and v2: M×2 row-major. */
export function projectOnPlane(
	X: ArrayLike<number>,
	d: number,
	rows: ArrayLike<number>,
	mean: ArrayLike<number>,
	v1: ArrayLike<number>,
	v2: ArrayLike<number>
): Float32Array {
	const out = new Float32Array(rows.length * 2);
	for (let r = 0; r < rows.length; r++) {
		const o = rows[r] * d;
		let a = 0;
		let b = 0;
		for (let j = 0; j < d; j++) {
			const x = X[o + j] - mean[j];
			a += x * v1[j];
			b += x * v2[j];
		}
		out[2 * r] = a;
		out[2 * r + 1] = b;
	}
	return out;
}

export interface ProbeUpdate {
	summary: ProbeSummary;
	point: TrajectoryPoint;
	state: ProbeState;
	result: SnapshotResult;
}

/** A fixed seeded subsample of `m` of the `n` probe points (sorted), the same at every snapshot of a run. */
export function probeRowSubsample(n: number, m: number, seed: number): Int32Array {
	const all = Int32Array.from({ length: n }, (_, i) => i);
	if (m >= n) return all;
	const rng = createRng(mixSeed(seed, 0x5eb5));
	for (let i = 0; i < m; i++) {
		const j = i + Math.floor(rng.uniform() * (n - i));
		const t = all[i];
		all[i] = all[j];
		all[j] = t;
	}
	return all.slice(0, m).sort();
}

const subsamples = new Map<string, Int32Array>();

/** Rows `rows` of Z (n×d) as a new m×d matrix. */
function gatherRows(Z: Float32Array, d: number, rows: Int32Array): Float32Array {
	const out = new Float32Array(rows.length * d);
	for (let r = 0; r < rows.length; r++) out.set(Z.subarray(rows[r] * d, rows[r] * d + d), r * d);
	return out;
}

/** Run the probe on an evaluation and build the compact summary. `display` lists the probe points to send. */
export function runProbe(
	ev: Evaluation,
	state: ProbeState | null,
	probe: ProbeConfig,
	display: Int32Array,
	step: number,
	seed: number
): ProbeUpdate {
	// The live probe may read a fixed subsample of the probe points (live-probe.ts); display points stay as they are.
	let Zp = ev.Z;
	let np = ev.n;
	if (probe.probeRows && probe.probeRows >= 2 && ev.n > probe.probeRows) {
		const key = `${ev.n}:${probe.probeRows}:${seed}`;
		let rows = subsamples.get(key);
		if (!rows) {
			rows = probeRowSubsample(ev.n, probe.probeRows, seed);
			subsamples.set(key, rows);
		}
		Zp = gatherRows(ev.Z, ev.d, rows);
		np = rows.length;
	}
	const { result, state: next } = probeSnapshot(Zp, np, ev.d, ev.betaSpec, state, {
		K: probe.probeK,
		emSteps: probe.emSteps,
		topK: probe.topK,
		seed,
		// A capped, warm-started Lanczos: a handful of HVPs per snapshot once the state moves slowly.
		hessianAtState: probe.hessianAtState ? { maxIter: 24 } : false
	});
	const { d, K } = result;
	const protoRows = Int32Array.from({ length: K }, (_, k) => k);
	const summary: ProbeSummary = {
		betaMode: result.betaMode,
		beta: result.beta,
		betaC: result.betaC,
		rho: result.rho,
		hessianMin: result.hessianMin,
		hessianAtState: result.hessianAtState ? result.hessianAtState.min : null,
		probeRows: np,
		unstableDirections: result.unstableDirections,
		lambdas: Float32Array.from(result.lambdas),
		trace: result.trace,
		spread: result.spread,
		projV1: result.projV1,
		kEff: result.kEff,
		effectiveRank: result.effectiveRank,
		anisotropy: result.anisotropy,
		collapseWarning: result.collapseWarning,
		wt: ev.wt,
		K,
		prototypes2d: projectOnPlane(result.prototypes, d, protoRows, result.mean, result.v1, result.v2),
		points2d: projectOnPlane(ev.Z, d, display, result.mean, result.v1, result.v2),
		pointLabels: Int16Array.from(display, (i) => ev.labels[i]),
		pointTrain: ev.isTrain ? Uint8Array.from(display, (i) => ev.isTrain![i]) : null
	};
	const point: TrajectoryPoint = {
		step,
		rho: result.rho,
		spread: result.spread,
		betaC: result.betaC,
		trace: result.trace,
		effectiveRank: result.effectiveRank,
		...(ev.wt !== null && Number.isFinite(ev.wt) ? { wt: ev.wt } : {})
	};
	return { summary, point, state: next, result };
}

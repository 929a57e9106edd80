/**
 * The SAE configuration of an uploaded activations file: the `sae` preset's optimiser and probe settings with the
 * file's d, a width of `widthMultiple · d` atoms, and evaluation/probe subsamples sized so a snapshot stays short.
 */
import { centredSumOfSquares } from '../probe/centred-sum-of-squares';
import type { SaeConfig } from './config';
import { getPreset } from './presets';
import type { UploadedActivations } from './upload-validate';

/** The preset name an uploaded-activations run reports (the lab's preset menu shows it while the file trains). */
export const UPLOAD_PRESET = 'upload';

/** Widths offered in the lab (atoms = multiple · d). */
export const WIDTH_MULTIPLES = [1, 2, 4, 8] as const;
export const DEFAULT_WIDTH_MULTIPLE = 2;
/** Most atoms allowed (a 4096-wide input at 8× would not fit a browser tab). */
const MAX_ATOMS = 8192;
/** Most encoder weights d·atoms (2^24: with the decoder and Adam's moments about 400 MB of float32). */
const MAX_WEIGHTS = 2 ** 24;
/** The data are centred on the SAE's decoder bias and scaled to this mean squared (centred) row norm (see scaleOf). */
const TARGET_TRACE = 1;
/** Rows used for MSE, purity and dead atoms (a fixed seeded subsample of the file); fewer for wide inputs (d > 256). */
const EVAL_ROWS = 2048;
const EVAL_ROWS_WIDE = 1024;
/** From d = 512 the evaluation pass (rows·d·atoms twice) dominated a snapshot: 1,024 rows cost ~100 ms of the ~146. */
const EVAL_ROWS_VERY_WIDE = 512;
/** Probe rows (the first of the evaluation rows) for wide inputs: the probe's covariance costs O(N·d²). */
const PROBE_ROWS_WIDE = 256;

/**
 * The scale factor s with E‖s(x − x̄)‖² = TARGET_TRACE: the SAE's L1 strength and learning rate are tuned on data of
 * that size (the synthetic toy's tr Σ is about 1), so any file trains with the same settings. ρ is scale-free.
 */
export function scaleOf(x: Float32Array, n: number, d: number): { scale: number; mean: Float64Array } {
	const { mean, sumSquares } = centredSumOfSquares(x, n, d);
	const trace = sumSquares / n;
	return { scale: trace > 0 ? Math.sqrt(TARGET_TRACE / trace) : 1, mean };
}

export function uploadSaeConfig(data: UploadedActivations, widthMultiple = DEFAULT_WIDTH_MULTIPLE, steps?: number): SaeConfig {
	if (!Number.isFinite(widthMultiple) || widthMultiple <= 0) throw new Error(`width multiple must be > 0, got ${widthMultiple}`);
	const { n, d } = data;
	const atoms = Math.round(widthMultiple * d);
	if (atoms > MAX_ATOMS) throw new Error(`an SAE of ${widthMultiple} × ${d} = ${atoms} atoms is too wide; the limit is ${MAX_ATOMS} atoms: choose a smaller width`);
	if (atoms * d > MAX_WEIGHTS) {
		throw new Error(`an SAE of ${atoms} atoms on d = ${d} has ${atoms * d} encoder weights; the limit is ${MAX_WEIGHTS} (e.g. 1 × d at d = 4096): choose a smaller width`);
	}
	const base = getPreset('sae', 'sae').config as SaeConfig;
	// A snapshot's cost grows with d: the SAE's evaluation forward pass (rows·d·atoms), the probe's covariance (rows·d²)
	// and its dense eigensolver (d³). Wide inputs get fewer rows and rarer snapshots (measured: npm run bench:train).
	const wide = d > 256;
	const evalSamples = Math.min(n, d >= 512 ? EVAL_ROWS_VERY_WIDE : wide ? EVAL_ROWS_WIDE : EVAL_ROWS);
	return {
		...base,
		inputDim: d,
		atoms,
		features: Math.max(1, data.classes),
		evalSamples,
		probeSamples: Math.min(evalSamples, wide ? PROBE_ROWS_WIDE : EVAL_ROWS),
		probeEvery: d > 1024 ? 200 : wide ? 50 : base.probeEvery,
		purityTop: Math.min(base.purityTop, evalSamples),
		steps: steps ?? 3000,
		upload: {
			name: data.name,
			labelsName: data.labelsName,
			n,
			d,
			classes: data.classes,
			widthMultiple,
			scale: scaleOf(data.x, n, d).scale
		}
	};
}

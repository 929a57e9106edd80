/**
 * The passive Gaussian-mixture probe — the one entry point for the training worker, the CLI and the figures.
 * Pure TypeScript on typed arrays (no tfjs, no DOM); every function is deterministic given its seed.
 *
 * Live use (one run):
 *   let state = createProbeState(d, 8, seed);
 *   ({ result, state } = probeSnapshot(Z, N, d, { mode: 'readout', W, classes }, state));   // every ~20 steps
 *   const events = analyseTrajectory(points);                                                // docs/theory.md §4
 *
 * Conventions: matrices are row-major (Z[n*d + j]); the kernel is exp(−β‖z − μ‖²/2), so β_c = 1/λ1
 * (Rose's exp(−β_R‖z − μ‖²) has β_R,c = 1/(2λ1): β = 2β_R). Bad input throws ProbeInputError (one-line message).
 *
 * Deliberate twins (unrolled for speed, each checked against the plain version by unrolled-kernels.spec.ts; do not
 * merge them): prototypeScores / prototypeScores4 (prototype-scores.ts), the rank-4 blocks of rank4-accumulate.ts
 * (shared by emStep, hessianOperator and covarianceOfCentred) beside their one-row tails, and the WebAssembly SIMD
 * kernels in wasm/ that mirror them.
 */
export * from './types';
export { ProbeInputError } from './probe-error';
export { createRng, mixSeed, type ProbeRng } from '../random';

// The live update and the run-level analysis.
export { createProbeState } from './create-probe-state';
export { probeSnapshot } from './probe-snapshot';
export { analyseTrajectory, SHAPE_RULES, type AnalyseOptions } from './analyse-trajectory';
export { probeTrajectory, type TrajectoryInput } from './probe-trajectory';
export { calibratedBetaTilde } from './calibrated-beta-tilde';
export { cascade, type CascadeOptions, type CascadeResult, type CascadeStep } from './cascade';

// Spectrum of the snapshot.
export { centreRows } from './centre-rows';
export { normaliseRows } from './normalise-rows';
export { covariance } from './covariance';
export { covarianceOfCentred } from './covariance-of-centred';
export { topEigenpairs, type TopEigenpairs } from './top-eigenpairs';
export { symmetricEigen, type Eigenpairs } from './symmetric-eigen';
export { blockPowerEigen, type BlockPowerResult } from './block-power-eigen';
export { effectiveRank } from './effective-rank';
export { anisotropyIndex } from './anisotropy-index';

// β(t) and the bifurcation at the symmetric state.
export { betaFromSpec } from './beta-from-spec';
export { readoutRmsNorm } from './readout-rms-norm';
export { hessianSpectrum } from './hessian-spectrum';
export { unstableDirections } from './unstable-directions';
export { hessianVectorProduct } from './hessian-vector-product';
export { hessianMinAtState, type HessianAtState } from './hessian-at-state';
export { lanczos, type LanczosOptions, type LanczosResult, type SymmetricOperator } from './lanczos';
export { softmaxRow } from './softmax-row';

// The mixture itself.
export { responsibilities } from './responsibilities';
export { emStep } from './em-step';
export { runEM, type RunEMOptions, type RunEMResult } from './run-em';
export { freeEnergy } from './free-energy';
export { freeEnergyGradient } from './free-energy-gradient';
export { jitterPrototypes } from './jitter-prototypes';
export { spreadOf } from './spread-of';
export { kEffOf } from './k-eff-of';
export { clusterLambdaMax } from './cluster-lambda-max';

// Events, input checks, files, synthetic data.
export { firstCrossing } from './first-crossing';
export { firstNonFinite } from './first-non-finite';
export { parseNpy, parseNpyHeader, NpyError, type NpyArray, type NpyHeader } from './npy';
export { npyHeader, writeNpy } from './npy-write';
export { gaussianCloud } from './gaussian-cloud';

/**
 * The lab's probe settings, on top of a preset: the live probe reads a fixed seeded subsample of at most
 * LIVE_PROBE_ROWS probe points (grokking-97 has 9,409: the full probe cost ~430 ms per snapshot, which showed in
 * the worker's frame budget), and adds the smallest Hessian eigenvalue at the current prototypes
 * (docs/theory.md §2). `npm run train` keeps every point, so the committed data files are unaffected.
 */
import type { ToyConfig } from '../config';

export const LIVE_PROBE_ROWS = 2048;

export function withLiveProbe<C extends ToyConfig>(config: C): C {
	return { ...config, probeRows: config.probeRows ?? LIVE_PROBE_ROWS, hessianAtState: config.hessianAtState ?? true };
}

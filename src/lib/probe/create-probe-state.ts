import type { ProbeState } from './types';

/** A fresh probe for one run: no warm start yet (the first snapshot starts from a jittered symmetric state). */
export function createProbeState(d: number, K: number, seed = 1): ProbeState {
	return { K, d, prototypes: null, eigvecs: null, maxTrace: 0, seed, snapshots: 0 };
}

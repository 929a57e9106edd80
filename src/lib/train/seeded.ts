/**
 * Seeded randomness for everything a run draws: data split, initialisation, batches, gradient noise.
 * Streams are derived from (run seed, purpose, step) so that any step's draws can be recomputed without replaying the
 * run — which is what makes reset, checkpoints and backend fallback reproduce the same curve. The generator and the
 * seed mixer live in $lib/random with every other seeded stream; this file names a run's purposes.
 */
import { deriveSeed, Rng } from '../random';

export { deriveSeed, Rng };

/** Purposes of the independent random streams of a run. */
export const Stream = {
	split: 1,
	init: 2,
	batch: 3,
	noise: 4,
	features: 5,
	evalSet: 6,
	display: 7,
	baseline: 8,
	probe: 9
} as const;

/** A generator for one purpose (and optionally one step) of a run. */
export function streamRng(seed: number, stream: number, step = 0): Rng {
	return new Rng(deriveSeed(seed, stream, step));
}

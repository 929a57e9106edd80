import type { ProbeRng } from '../random';

/** Adds amplitude·N(0, 1) to every coordinate of the K×d prototypes, in place (breaks exact symmetry, docs/theory.md §4). */
export function jitterPrototypes(prototypes: Float64Array, amplitude: number, rng: ProbeRng): Float64Array {
	if (amplitude > 0) for (let i = 0; i < prototypes.length; i++) prototypes[i] += amplitude * rng.normal();
	return prototypes;
}

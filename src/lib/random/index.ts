// Every seeded random number of the project comes from here (pure: no Svelte, no DOM, no tfjs).
export { createRng, mulberry32, Rng, type ProbeRng } from './mulberry32';
export { deriveSeed, mixSeed, splitmix32 } from './seeds';
export { GaussianSource, Xoshiro128 } from './xoshiro';

// Every seeded random stream of the project comes from here (pure: no Svelte, no DOM, no tfjs). Only the lab's
// "new seed" button draws unseeded (Math.random), to pick a seed.
export { createRng, mulberry32, Rng, type ProbeRng } from './mulberry32';
export { deriveSeed, mixSeed, splitmix32 } from './seeds';
export { GaussianSource, Xoshiro128 } from './xoshiro';

// The single entry point of the normal-form dynamics (docs/theory.md §5): schedules, simulation, statistics,
// analytic predictions and the lag shown by the delay figure. Pure computation: no Svelte, no DOM, no tfjs.
export * from './schedule';
export * from './types';
export * from './simulate';
export * from './statistics';
export * from './predictions';
export * from './predict-escape';
export * from './lag';
export { GaussianSource, Xoshiro128 } from '../random';
export * from './eta-fit';
export * from './reference-settings';

/**
 * The lab's view of the saved forecast study (content/data/forecast-fit.json): only the fitted probe model, its range
 * and the verdict against the hyper-parameter baseline (named JSON imports keep the rest out of the lab's bundle).
 */
import { model, rangeLog, probeBeatsBaseline, source } from '../../../content/data/forecast-fit.json';
import type { SavedProbeModel } from './models';

export const SAVED_MODEL: SavedProbeModel = model;
export const SAVED_RANGE_LOG: number = rangeLog;
/** Did the probe beat the hyper-parameter baseline on held-out runs (seed and train-fraction rotations)? */
export const PROBE_BEATS_BASELINE: { seed: boolean; fraction: boolean } = probeBeatsBaseline;
/** The preset the forecast was fitted on (elsewhere the lab's forecast is a transfer). */
export const FITTED_PRESET: string = source.preset;

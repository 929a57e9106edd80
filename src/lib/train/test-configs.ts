/** Tiny configurations for unit tests (fast on wasm in Node). Not used by the app. */
import type { GrokkingConfig, SaeConfig } from './config';
import { getPreset } from './presets';

export function tinyGrokking(over: Partial<GrokkingConfig> = {}): GrokkingConfig {
	const c = getPreset('grokking-small', 'grokking').config as GrokkingConfig;
	return { ...c, p: 11, trainFraction: 0.5, embedDim: 8, hidden: 32, probeEvery: 10, ...over };
}

export function tinySae(over: Partial<SaeConfig> = {}): SaeConfig {
	const c = getPreset('sae-small', 'sae').config as SaeConfig;
	return {
		...c,
		inputDim: 8,
		features: 16,
		atoms: 32,
		batch: 64,
		evalSamples: 512,
		probeSamples: 256,
		steps: 200,
		probeEvery: 10,
		activeProb: 0.1,
		...over
	};
}

export function tinySsl(over: Partial<import('./config').SslConfig> = {}): import('./config').SslConfig {
	const c = getPreset('ssl', 'ssl').config as import('./config').SslConfig;
	return { ...c, hidden: 32, embedDim: 8, batch: 64, bankSize: 256, heldOut: 128, steps: 200, ...over };
}

/** Build the trainer of a toy configuration. */
import type { ToyConfig } from './config';
import { GrokkingTrainer } from './grokking-trainer';
import { SaeTrainer } from './sae-trainer';
import { SslTrainer } from './ssl-trainer';
import type { Trainer } from './trainer';

export function createTrainer(config: ToyConfig, seed: number): Trainer {
	if (!Number.isInteger(seed) || seed < 0) throw new Error(`seed must be a non-negative integer, got ${seed}`);
	if (config.toy === 'ssl') return new SslTrainer(config, seed);
	return config.toy === 'grokking' ? new GrokkingTrainer(config, seed) : new SaeTrainer(config, seed);
}

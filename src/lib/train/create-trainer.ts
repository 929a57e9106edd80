/** Build the trainer of a toy configuration (an SAE with `upload` set trains on the uploaded data passed beside it). */
import type { ToyConfig } from './config';
import { GrokkingTrainer } from './grokking-trainer';
import { SaeTrainer } from './sae-trainer';
import { SslTrainer } from './ssl-trainer';
import type { Trainer } from './trainer';
import { UploadSaeTrainer } from './upload-trainer';
import type { UploadedActivations } from './upload-validate';

export function createTrainer(config: ToyConfig, seed: number, data?: UploadedActivations | null): Trainer {
	if (!Number.isInteger(seed) || seed < 0) throw new Error(`seed must be a non-negative integer, got ${seed}`);
	if (config.toy === 'sae' && config.upload) {
		if (!data) throw new Error('an upload configuration needs its activations');
		return new UploadSaeTrainer(config, seed, data);
	}
	if (config.toy === 'ssl') return new SslTrainer(config, seed);
	return config.toy === 'grokking' ? new GrokkingTrainer(config, seed) : new SaeTrainer(config, seed);
}

/**
 * The "Your activations" case of `npm run bench:train`: an SAE of 1,024 atoms (2 × d) on 10,000 × 512 activations,
 * batch 256, through the same upload path as the lab (npy bytes → checks → upload SAE). The values are seeded
 * Gaussians: a dense step costs the same on any data of that shape.
 */
import { writeNpy } from '../src/lib/probe/npy-write';
import { Rng } from '../src/lib/train/seeded';
import { Session } from '../src/lib/train/session';
import { uploadSaeConfig } from '../src/lib/train/upload-config';
import { readUpload } from '../src/lib/train/upload-validate';

export const UPLOAD_BENCH = 'upload-10000x512';

export function uploadBenchSession(): Session {
	const n = 10_000;
	const d = 512;
	const data = readUpload(writeNpy(new Rng(7).normals(n * d), [n, d]), null, { name: 'bench.npy' });
	const config = uploadSaeConfig(data, 2);
	return new Session(config, 1, 2, data);
}

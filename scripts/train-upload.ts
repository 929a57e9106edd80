/**
 * `npm run train -- sae --data acts.npy [--labels labels.npy]`: read the files (sizes checked before reading) with the
 * same checks as the lab's upload (src/lib/train/upload-validate.ts), and build the SAE preset that trains on them.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Preset } from '../src/lib/train/presets';
import { DEFAULT_WIDTH_MULTIPLE, uploadSaeConfig } from '../src/lib/train/upload-config';
import { UPLOAD_PRESET, uploadLabel } from '../src/lib/train/worker/upload-run';
import { checkFileSize, readUpload, type UploadedActivations } from '../src/lib/train/upload-validate';

export function loadUploadPreset(data: string, labels: string | null, width: number | null): { preset: Preset; uploaded: UploadedActivations } {
	checkFileSize(statSync(data).size, data);
	if (labels) checkFileSize(statSync(labels).size, labels);
	const uploaded = readUpload(readFileSync(data), labels ? readFileSync(labels) : null, {
		name: basename(data),
		labelsName: labels ? basename(labels) : null
	});
	const config = uploadSaeConfig(uploaded, width ?? DEFAULT_WIDTH_MULTIPLE);
	return { preset: { name: UPLOAD_PRESET, label: uploadLabel(config), config }, uploaded };
}

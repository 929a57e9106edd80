import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { uploadFixtures } from '../src/lib/train/upload-fixtures';
import { UploadError } from '../src/lib/train/upload-validate';
import { loadUploadPreset } from './train-upload';

describe('npm run train -- sae --data (file loading)', () => {
	const dir = mkdtempSync(join(tmpdir(), 'pitchfork-upload-'));
	const fixtures = uploadFixtures(128, 8);
	const write = (name: string, bytes: Uint8Array) => {
		const path = join(dir, name);
		writeFileSync(path, bytes);
		return path;
	};

	it('reads the files into the upload preset: d from the file, width × d atoms, labels counted', () => {
		const valid = fixtures.find((f) => f.kind === null)!;
		const { preset, uploaded } = loadUploadPreset(write('acts.npy', valid.activations), write('labels.npy', valid.labels!), 4);
		expect(preset.name).toBe('upload');
		expect(preset.config.toy === 'sae' && [preset.config.inputDim, preset.config.atoms]).toEqual([8, 32]);
		expect(preset.label).toMatch(/acts\.npy \(128 × 8\), SAE 32 atoms, 4 labels from labels\.npy/);
		expect(uploaded.classes).toBe(4);
	});

	it('refuses a malformed file with the same sentence as the lab', () => {
		for (const f of fixtures.filter((f) => f.kind !== null)) {
			const acts = write(`acts-${f.kind}.npy`, f.activations);
			const labels = f.labels ? write(`labels-${f.kind}.npy`, f.labels) : null;
			expect(() => loadUploadPreset(acts, labels, null)).toThrow(UploadError);
			expect(() => loadUploadPreset(acts, labels, null)).toThrow(f.says!);
		}
	});
});

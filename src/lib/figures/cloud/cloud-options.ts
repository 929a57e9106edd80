import type { CloudKind } from '$lib/state/figures';

export const CLOUD_OPTIONS: { value: CloudKind; label: string }[] = [
	{ value: 'two-blobs', label: 'two blobs' },
	{ value: 'four-blobs', label: 'four blobs' },
	{ value: 'anisotropic', label: 'anisotropic Gaussian' },
	{ value: 'ring', label: 'ring' }
];

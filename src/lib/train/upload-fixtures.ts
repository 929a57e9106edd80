/**
 * Test fixtures for the activations upload: a valid (N, d) cloud with integer labels, and one file of each kind the
 * checks must refuse. Used by the unit spec (upload-validate.spec.ts) and the Chromium test (tests/e2e/upload.test.ts).
 */
import { npyBytes, writeNpy } from '../probe/npy-write';
import { Rng } from './seeded';

export { npyBytes };

/** C clusters along random directions in R^d, N rows; label = cluster. */
function clusteredActivations(n: number, d: number, C: number, seed = 1): { x: Float32Array; labels: BigInt64Array } {
	const rng = new Rng(seed);
	const centres = rng.normals(C * d, 2);
	const x = new Float32Array(n * d);
	const labels = new BigInt64Array(n);
	for (let i = 0; i < n; i++) {
		const c = i % C;
		labels[i] = BigInt(c * 10); // non-dense values on purpose: the reader maps them to 0..C−1
		for (let j = 0; j < d; j++) x[i * d + j] = centres[c * d + j] + 0.3 * rng.normal();
	}
	return { x, labels };
}

export interface UploadFixture {
	name: string;
	activations: Uint8Array;
	labels: Uint8Array | null;
	/** The refusal kind expected (UploadErrorKind), or null for a valid pair. */
	kind: string | null;
	/** What the refusal message must say. */
	says: RegExp | null;
}

/** One valid pair and one file per refusal kind (except too-large, which a test makes with a fake size). */
export function uploadFixtures(n = 256, d = 16): UploadFixture[] {
	const { x, labels } = clusteredActivations(n, d, 4);
	const acts = writeNpy(x, [n, d]);
	const labs = npyBytes('<i8', [n], labels);
	const withNaN = x.slice();
	withNaN[5 * d + 3] = NaN;
	const fracLabels = Float64Array.from(labels, (v) => Number(v) + 0.5);
	return [
		{ name: 'valid', activations: acts, labels: labs, kind: null, says: null },
		{ name: 'not npy', activations: new TextEncoder().encode('a,b,c\n1,2,3\n'), labels: null, kind: 'not-npy', says: /not an npy file/ },
		{ name: 'int dtype', activations: npyBytes('<i4', [n, d], new Int32Array(n * d)), labels: null, kind: 'dtype', says: /unsupported dtype '<i4'/ },
		{ name: 'rank 3', activations: writeNpy(x, [n / 2, 2, d]), labels: null, kind: 'rank', says: /must be a 2-D array/ },
		{ name: 'd > 4096', activations: writeNpy(new Float32Array(64 * 4097), [64, 4097]), labels: null, kind: 'too-wide', says: /d = 4097 dimensions; the limit is 4096/ },
		{ name: 'N < 64', activations: writeNpy(x.slice(0, 10 * d), [10, d]), labels: null, kind: 'too-few', says: /N = 10 rows; at least 64/ },
		{ name: 'NaN at (5, 3)', activations: writeNpy(withNaN, [n, d]), labels: null, kind: 'non-finite', says: /non-finite value \(NaN\) at row 5, column 3/ },
		{ name: 'labels length', activations: acts, labels: npyBytes('<i8', [n - 1], labels.slice(0, n - 1)), kind: 'labels-length', says: new RegExp(`${n - 1} labels but the activations have N = ${n}`) },
		{ name: 'labels not integer', activations: acts, labels: npyBytes('<f8', [n], fracLabels), kind: 'labels-not-integer', says: /non-integer label \(0\.5\) at row 0/ },
		{ name: 'labels rank', activations: acts, labels: npyBytes('<i8', [n / 2, 2], labels), kind: 'labels-rank', says: /labels must be 1-D/ },
		{ name: 'labels dtype', activations: acts, labels: npyBytes('<U3', [n], new Uint8Array(n * 12)), kind: 'labels-dtype', says: /dtype '<U3'; labels must be integers/ }
	];
}

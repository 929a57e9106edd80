/**
 * Reading and checking "your activations": an (N, d) float32/float64 .npy and an optional (N,) integer labels .npy.
 * Pure parsing of bytes (no tfjs, no DOM): the worker and `npm run train -- sae --data` use the same checks, so a file
 * refused in the page is refused by the CLI with the same words. Activations go through the project's npy reader
 * (src/lib/probe/npy.ts); labels may be integer dtypes, which that reader does not take, so their header is read here.
 */
import { NpyError, parseNpy } from '../probe/npy';

export const UPLOAD_LIMITS = {
	/** Largest file accepted (bytes). */
	maxBytes: 256 * 1024 * 1024,
	/** Largest activation dimension d. */
	maxDim: 4096,
	/** Fewest rows N (the probe and purity need a cloud, not a handful of points). */
	minRows: 64,
	/** Most distinct label values (they are stored as 16-bit class indices). */
	maxClasses: 32767
} as const;

export type UploadErrorKind =
	| 'too-large'
	| 'not-npy'
	| 'dtype'
	| 'rank'
	| 'too-wide'
	| 'too-few'
	| 'non-finite'
	| 'labels-length'
	| 'labels-not-integer'
	| 'labels-dtype'
	| 'labels-rank';

/** A refused file, with a sentence a visitor can act on. */
export class UploadError extends Error {
	constructor(
		readonly kind: UploadErrorKind,
		message: string
	) {
		super(message);
		this.name = 'UploadError';
	}
}

export interface UploadedActivations {
	/** Rows N and dimension d. */
	n: number;
	d: number;
	/** N×d row-major, as read (float64 files converted to float32). */
	x: Float32Array;
	/** Dense class index per row (0..classes−1), or null without a labels file. */
	labels: Int16Array | null;
	/** Number of distinct label values (0 without labels). */
	classes: number;
	/** The original label value of each class index, ascending. */
	labelValues: number[];
	name: string;
	labelsName: string | null;
}

const MB = 1024 * 1024;

function asBytes(input: ArrayBuffer | Uint8Array): Uint8Array {
	return input instanceof Uint8Array ? input : new Uint8Array(input);
}

/** Refuse a file over the size limit (called on a File's size before reading it, and on bytes). */
export function checkFileSize(byteLength: number, what: string): void {
	if (byteLength > UPLOAD_LIMITS.maxBytes) {
		throw new UploadError(
			'too-large',
			`${what} is ${(byteLength / MB).toFixed(0)} MB; the limit is ${UPLOAD_LIMITS.maxBytes / MB} MB. Save fewer rows (a random subset of tokens is fine).`
		);
	}
}

function checkSize(bytes: Uint8Array, what: string): void {
	checkFileSize(bytes.byteLength, what);
}

/** Read and check the activations file: (N, d) float32/float64, 64 ≤ N, d ≤ 4096, every value finite. */
export function readActivations(input: ArrayBuffer | Uint8Array, name = 'the activations file'): Pick<UploadedActivations, 'n' | 'd' | 'x'> {
	const bytes = asBytes(input);
	checkSize(bytes, name);
	let arr;
	try {
		arr = parseNpy(bytes);
	} catch (e) {
		if (e instanceof NpyError) {
			const kind = /dtype|Fortran/.test(e.message) ? 'dtype' : 'not-npy';
			throw new UploadError(kind, `${name}: ${e.message}. Save it with np.save(path, acts.astype(np.float32)).`);
		}
		throw e;
	}
	if (arr.shape.length !== 2) {
		throw new UploadError('rank', `${name} has shape (${arr.shape.join(', ')}); activations must be a 2-D array (N rows, d dimensions).`);
	}
	const [n, d] = arr.shape;
	if (d > UPLOAD_LIMITS.maxDim) throw new UploadError('too-wide', `${name} has d = ${d} dimensions; the limit is ${UPLOAD_LIMITS.maxDim}.`);
	if (d < 2) throw new UploadError('too-wide', `${name} has d = ${d}; the probe needs at least 2 dimensions.`);
	if (n < UPLOAD_LIMITS.minRows) throw new UploadError('too-few', `${name} has N = ${n} rows; at least ${UPLOAD_LIMITS.minRows} are needed.`);
	const x = arr.data instanceof Float32Array ? arr.data : Float32Array.from(arr.data);
	// Checked after the conversion, so float64 values beyond float32's range count as non-finite too.
	for (let i = 0; i < x.length; i++) {
		if (!Number.isFinite(x[i])) {
			const row = Math.floor(i / d);
			const col = i % d;
			const raw = arr.data[i];
			const what = Number.isNaN(raw) ? 'NaN' : Number.isFinite(raw) ? `${raw} (too large for float32)` : String(raw);
			throw new UploadError('non-finite', `${name} has a non-finite value (${what}) at row ${row}, column ${col}; every value must be finite.`);
		}
	}
	return { n, d, x };
}

interface NpyHeader {
	descr: string;
	fortran: boolean;
	shape: number[];
	dataOffset: number;
}

/** The header of any .npy (the labels may be integers, which parseNpy refuses). */
function readHeader(bytes: Uint8Array, name: string): NpyHeader {
	const magic = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];
	if (bytes.length < 10 || magic.some((b, i) => bytes[i] !== b)) throw new UploadError('not-npy', `${name}: not an npy file (missing the \\x93NUMPY magic).`);
	const major = bytes[6];
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (major < 1 || major > 3) throw new UploadError('not-npy', `${name}: unsupported npy format version ${major}.`);
	const start = major === 1 ? 10 : 12;
	if (bytes.length < start) throw new UploadError('not-npy', `${name}: truncated npy header.`);
	const length = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
	if (start + length > bytes.length) throw new UploadError('not-npy', `${name}: truncated npy header.`);
	const header = new TextDecoder('latin1').decode(bytes.subarray(start, start + length));
	const descr = header.match(/['"]descr['"]\s*:\s*['"]([^'"]+)['"]/)?.[1];
	const fortran = header.match(/['"]fortran_order['"]\s*:\s*(True|False)/)?.[1];
	const shapeText = header.match(/['"]shape['"]\s*:\s*\(([^)]*)\)/)?.[1];
	if (!descr || !fortran || shapeText === undefined) throw new UploadError('not-npy', `${name}: malformed npy header (need descr, fortran_order, shape).`);
	const shape = shapeText
		.split(',')
		.map((s) => s.trim())
		.filter((s) => s !== '')
		.map((s) => Number(s.replace(/L$/, '')));
	if (shape.some((v) => !Number.isInteger(v) || v < 0)) throw new UploadError('not-npy', `${name}: malformed npy header (shape ${shapeText}).`);
	return { descr, fortran: fortran === 'True', shape, dataOffset: start + length };
}

/** Little-endian integer and float dtypes a labels file may use ('|' is numpy's "byte order not applicable"). */
const LABEL_DTYPES: Record<string, { size: number; read: (v: DataView, o: number) => number }> = {
	'|i1': { size: 1, read: (v, o) => v.getInt8(o) },
	'|u1': { size: 1, read: (v, o) => v.getUint8(o) },
	'<i2': { size: 2, read: (v, o) => v.getInt16(o, true) },
	'<u2': { size: 2, read: (v, o) => v.getUint16(o, true) },
	'<i4': { size: 4, read: (v, o) => v.getInt32(o, true) },
	'<u4': { size: 4, read: (v, o) => v.getUint32(o, true) },
	'<i8': { size: 8, read: (v, o) => Number(v.getBigInt64(o, true)) },
	'<u8': { size: 8, read: (v, o) => Number(v.getBigUint64(o, true)) },
	'<f4': { size: 4, read: (v, o) => v.getFloat32(o, true) },
	'<f8': { size: 8, read: (v, o) => v.getFloat64(o, true) }
};

/**
 * Read and check a labels file: shape (N,) (or (N, 1)), integer values (integer dtypes, or floats holding whole
 * numbers). Returns dense class indices 0..C−1 in ascending order of the original values.
 */
export function readLabels(
	input: ArrayBuffer | Uint8Array,
	n: number,
	name = 'the labels file'
): Pick<UploadedActivations, 'labels' | 'classes' | 'labelValues'> {
	const bytes = asBytes(input);
	checkSize(bytes, name);
	const h = readHeader(bytes, name);
	const dtype = LABEL_DTYPES[h.descr.replace(/^=/, '<')];
	if (!dtype) throw new UploadError('labels-dtype', `${name} has dtype '${h.descr}'; labels must be integers (int8–int64, uint8–uint64) in little-endian order.`);
	if (h.fortran && h.shape.length > 1) throw new UploadError('labels-dtype', `${name} is Fortran-ordered; save it with C order.`);
	const flat = h.shape.length === 1 || (h.shape.length === 2 && h.shape[1] === 1);
	if (!flat) throw new UploadError('labels-rank', `${name} has shape (${h.shape.join(', ')}); labels must be 1-D, one integer per activation row.`);
	const count = h.shape[0];
	if (count !== n) throw new UploadError('labels-length', `${name} has ${count} labels but the activations have N = ${n} rows; they must match one to one.`);
	if (bytes.length - h.dataOffset < count * dtype.size) throw new UploadError('not-npy', `${name}: truncated npy data.`);
	const view = new DataView(bytes.buffer, bytes.byteOffset + h.dataOffset, count * dtype.size);
	const raw = new Float64Array(count);
	for (let i = 0; i < count; i++) {
		const v = dtype.read(view, i * dtype.size);
		if (!Number.isInteger(v)) throw new UploadError('labels-not-integer', `${name} holds a non-integer label (${v}) at row ${i}; labels must be whole numbers.`);
		raw[i] = v;
	}
	const labelValues = [...new Set(raw)].sort((a, b) => a - b);
	if (labelValues.length > UPLOAD_LIMITS.maxClasses) {
		throw new UploadError('labels-not-integer', `${name} has ${labelValues.length} distinct labels; the limit is ${UPLOAD_LIMITS.maxClasses}.`);
	}
	const index = new Map(labelValues.map((v, i) => [v, i]));
	const labels = Int16Array.from(raw, (v) => index.get(v)!);
	return { labels, classes: labelValues.length, labelValues };
}

/** Both files at once: the activations, then (if given) the labels matched against their N. */
export function readUpload(
	activations: ArrayBuffer | Uint8Array,
	labels: ArrayBuffer | Uint8Array | null,
	names: { name?: string; labelsName?: string | null } = {}
): UploadedActivations {
	const name = names.name ?? 'activations.npy';
	const labelsName = labels ? (names.labelsName ?? 'labels.npy') : null;
	const acts = readActivations(activations, name);
	const lab = labels ? readLabels(labels, acts.n, labelsName!) : { labels: null, classes: 0, labelValues: [] };
	return { ...acts, ...lab, name, labelsName };
}

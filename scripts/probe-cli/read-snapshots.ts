import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { firstNonFinite, type Matrix } from '../../src/lib/probe/index';
import { CliError } from './cli-error';
import { openNpy, type NpyStream } from './npy-stream';
import { shapeText } from './read-npy-file';

/**
 * The hidden states, read one snapshot at a time: memory holds one N×d snapshot (plus the probe's O(d²) work),
 * never the file, so a trajectory larger than memory can be probed.
 */
export interface Snapshots {
	/** Number of snapshots T (1 for an (N, d) file). */
	count: number;
	/**
	 * Snapshot t, N×d row-major, checked finite, in a new array (a single snapshot's analysis and the calibration
	 * of β̃ on snapshot 0 ask once; the trajectory is read with readInto, into reused buffers).
	 */
	snapshot(t: number): Matrix;
	/**
	 * Snapshot t as float64 into `out` (length ≥ N·d), checked finite while it is converted: the trajectory path's
	 * one pass over the data, with no N×d float32 copy.
	 */
	readInto(t: number, out: Float64Array): Float64Array;
	/**
	 * Snapshot t of a float32 input ('<f4') as it is stored, into `out`, NOT checked: for the probe's float32 route,
	 * whose kernel sums show a non-finite value; then checkFinite(t, out) says where it is.
	 */
	readFloat32Into(t: number, out: Float32Array): Float32Array;
	/** Throws the same error as readInto would for a non-finite value in snapshot t's rows Z. */
	checkFinite(t: number, Z: Float32Array): void;
	/** True for (T, N, d) or a folder: warm-started trajectory analysis. */
	trajectory: boolean;
	n: number;
	d: number;
	dtype: string;
	/** Shape as read: (N, d), (T, N, d), or (T files, N, d). */
	shape: number[];
	/** Bytes of data in the input (all snapshots). */
	bytes: number;
	close(): void;
}

function checkSnapshot(name: string, n: number, d: number): void {
	if (d === 0) throw new CliError(`${name}: d = 0 (snapshots have no features)`);
	if (n < 2) throw new CliError(`${name}: need at least 2 points per snapshot, got N = ${n}`);
}

function nonFinite(name: string, bad: { row: number; column: number; value: number }, t: number | null): CliError {
	const where = t !== null ? `snapshot ${t}, row ${bad.row}, column ${bad.column}` : `row ${bad.row}, column ${bad.column}`;
	return new CliError(`${name}: non-finite value ${bad.value} at ${where}`);
}

function checked<M extends Matrix>(name: string, Z: M, n: number, d: number, t: number | null): M {
	const bad = firstNonFinite(Z, n, d);
	if (bad) throw nonFinite(name, bad, t);
	return Z;
}

const buffer = (dtype: string, length: number): Matrix => (dtype === '<f4' ? new Float32Array(length) : new Float64Array(length));

/** float32 values per read when converting: 256 KB, small next to a snapshot and large enough to keep reads cheap. */
const CHUNK = 1 << 16;
let chunk: Float32Array | null = null;

/** Items [first, first + n·d) of `s` into `out` as float64; a non-finite value throws like `checked`. */
function readFloat64(s: NpyStream, first: number, name: string, out: Float64Array, n: number, d: number, t: number | null): Float64Array {
	const len = n * d;
	if (s.header.dtype === '<f8') {
		s.read(first, out.subarray(0, len));
		return checked(name, out, n, d, t);
	}
	chunk ??= new Float32Array(CHUNK);
	for (let at = 0; at < len; at += CHUNK) {
		const m = Math.min(CHUNK, len - at);
		const c = m === CHUNK ? chunk : chunk.subarray(0, m);
		s.read(first + at, c);
		for (let i = 0; i < m; i++) {
			const v = c[i];
			if (v - v !== 0) throw nonFinite(name, { row: Math.floor((at + i) / d), column: (at + i) % d, value: v }, t);
			out[at + i] = v;
		}
	}
	return out;
}

function readFolder(dir: string): Snapshots {
	const names = readdirSync(dir)
		.filter((f) => /\.npy$/i.test(f))
		.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
	if (names.length === 0) throw new CliError(`${dir}: folder has no .npy files`);
	// Headers only, up front: shapes and dtypes must agree before any work is done.
	let first: NpyStream | null = null;
	for (const name of names) {
		const s = openNpy(join(dir, name));
		s.close();
		const shape = s.header.shape;
		if (shape.length !== 2) throw new CliError(`${s.path}: wrong rank: a folder holds (N, d) snapshots, got shape ${shapeText(shape)}`);
		if (first && (shape[0] !== first.header.shape[0] || shape[1] !== first.header.shape[1])) {
			throw new CliError(`${s.path}: shape ${shapeText(shape)} differs from ${names[0]} ${shapeText(first.header.shape)}`);
		}
		if (first && s.header.dtype !== first.header.dtype) {
			throw new CliError(`${s.path}: dtype ${s.header.dtype} differs from ${names[0]} ${first.header.dtype} (a folder must use one dtype)`);
		}
		first ??= s;
	}
	const [n, d] = first!.header.shape;
	const dtype = first!.header.dtype;
	checkSnapshot(dir, n, d);
	return {
		count: names.length,
		snapshot(t) {
			const Z = buffer(dtype, n * d);
			const s = openNpy(join(dir, names[t]));
			try {
				s.read(0, Z);
			} finally {
				s.close();
			}
			return checked(dir, Z, n, d, t);
		},
		readInto(t, out) {
			const s = openNpy(join(dir, names[t]));
			try {
				return readFloat64(s, 0, dir, out, n, d, t);
			} finally {
				s.close();
			}
		},
		readFloat32Into(t, out) {
			const s = openNpy(join(dir, names[t]));
			try {
				s.read(0, out.subarray(0, n * d));
				return out;
			} finally {
				s.close();
			}
		},
		checkFinite: (t, Z) => void checked(dir, Z, n, d, t),
		trajectory: true,
		n,
		d,
		dtype,
		shape: [names.length, n, d],
		bytes: names.length * first!.header.dataBytes,
		close() {}
	};
}

/** FILE (N, d) or (T, N, d), or a folder of (N, d) files → snapshots read on demand. */
export function readSnapshots(path: string): Snapshots {
	let isDir = false;
	try {
		isDir = statSync(path).isDirectory();
	} catch {
		throw new CliError(`${path}: no such file`);
	}
	if (isDir) return readFolder(path);
	const s = openNpy(path);
	const { shape, dtype } = s.header;
	try {
		if (shape.length !== 2 && shape.length !== 3) {
			throw new CliError(`${path}: wrong rank: expected (N, d) or (T, N, d), got shape ${shapeText(shape)}`);
		}
		const trajectory = shape.length === 3;
		const [T, n, d] = trajectory ? shape : [1, ...shape];
		if (T === 0) throw new CliError(`${path}: empty trajectory (T = 0)`);
		checkSnapshot(path, n, d);
		return {
			count: T,
			snapshot(t) {
				const Z = buffer(dtype, n * d);
				s.read(t * n * d, Z);
				return checked(path, Z, n, d, trajectory ? t : null);
			},
			readInto: (t, out) => readFloat64(s, t * n * d, path, out, n, d, trajectory ? t : null),
			readFloat32Into(t, out) {
				s.read(t * n * d, out.subarray(0, n * d));
				return out;
			},
			checkFinite: (t, Z) => void checked(path, Z, n, d, trajectory ? t : null),
			trajectory,
			n,
			d,
			dtype,
			shape,
			bytes: s.header.dataBytes,
			close: () => s.close()
		};
	} catch (e) {
		s.close();
		throw e;
	}
}

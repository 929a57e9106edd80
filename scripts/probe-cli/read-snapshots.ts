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
	 * Snapshot t, N×d row-major, checked finite. The returned array is reused by the next call: use it before
	 * asking for another snapshot.
	 */
	snapshot(t: number): Matrix;
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

function checked(name: string, Z: Matrix, n: number, d: number, t: number | null): Matrix {
	const bad = firstNonFinite(Z, n, d);
	if (bad) {
		const where = t !== null ? `snapshot ${t}, row ${bad.row}, column ${bad.column}` : `row ${bad.row}, column ${bad.column}`;
		throw new CliError(`${name}: non-finite value ${bad.value} at ${where}`);
	}
	return Z;
}

const buffer = (dtype: string, length: number): Matrix => (dtype === '<f4' ? new Float32Array(length) : new Float64Array(length));

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
	const Z = buffer(dtype, n * d);
	return {
		count: names.length,
		snapshot(t) {
			const s = openNpy(join(dir, names[t]));
			try {
				s.read(0, Z);
			} finally {
				s.close();
			}
			return checked(dir, Z, n, d, t);
		},
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
		const Z = buffer(dtype, n * d);
		return {
			count: T,
			snapshot(t) {
				s.read(t * n * d, Z);
				return checked(path, Z, n, d, trajectory ? t : null);
			},
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

import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { firstNonFinite, type Matrix } from '../../src/lib/probe/index';
import { CliError } from './cli-error';
import { readNpyFile, shapeText } from './read-npy-file';

export interface Snapshots {
	/** One N×d matrix per snapshot. */
	snapshots: Matrix[];
	/** True for (T, N, d) or a folder: warm-started trajectory analysis. */
	trajectory: boolean;
	n: number;
	d: number;
	dtype: string;
	/** Shape as read: (N, d), (T, N, d), or (T files, N, d). */
	shape: number[];
}

function checkSnapshot(name: string, n: number, d: number): void {
	if (d === 0) throw new CliError(`${name}: d = 0 (snapshots have no features)`);
	if (n < 2) throw new CliError(`${name}: need at least 2 points per snapshot, got N = ${n}`);
}

function checkFinite(name: string, snaps: Matrix[], n: number, d: number, trajectory: boolean): void {
	for (let t = 0; t < snaps.length; t++) {
		const bad = firstNonFinite(snaps[t], n, d);
		if (bad) {
			const where = trajectory ? `snapshot ${t}, row ${bad.row}, column ${bad.column}` : `row ${bad.row}, column ${bad.column}`;
			throw new CliError(`${name}: non-finite value ${bad.value} at ${where}`);
		}
	}
}

function readFolder(dir: string): Snapshots {
	const names = readdirSync(dir)
		.filter((f) => /\.npy$/i.test(f))
		.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
	if (names.length === 0) throw new CliError(`${dir}: folder has no .npy files`);
	const snapshots: Matrix[] = [];
	let first: number[] | null = null;
	let dtype = '';
	for (const name of names) {
		const a = readNpyFile(join(dir, name));
		if (a.shape.length !== 2) throw new CliError(`${join(dir, name)}: wrong rank: a folder holds (N, d) snapshots, got shape ${shapeText(a.shape)}`);
		if (first && (a.shape[0] !== first[0] || a.shape[1] !== first[1])) {
			throw new CliError(`${join(dir, name)}: shape ${shapeText(a.shape)} differs from ${names[0]} ${shapeText(first)}`);
		}
		first ??= a.shape;
		dtype = a.dtype;
		snapshots.push(a.data);
	}
	const [n, d] = first!;
	checkSnapshot(dir, n, d);
	checkFinite(dir, snapshots, n, d, true);
	return { snapshots, trajectory: true, n, d, dtype, shape: [names.length, n, d] };
}

/** FILE (N, d) or (T, N, d), or a folder of (N, d) files → validated snapshots. */
export function readSnapshots(path: string): Snapshots {
	let isDir = false;
	try {
		isDir = statSync(path).isDirectory();
	} catch {
		throw new CliError(`${path}: no such file`);
	}
	if (isDir) return readFolder(path);
	const a = readNpyFile(path);
	if (a.shape.length === 2) {
		const [n, d] = a.shape;
		checkSnapshot(path, n, d);
		checkFinite(path, [a.data], n, d, false);
		return { snapshots: [a.data], trajectory: false, n, d, dtype: a.dtype, shape: a.shape };
	}
	if (a.shape.length === 3) {
		const [T, n, d] = a.shape;
		if (T === 0) throw new CliError(`${path}: empty trajectory (T = 0)`);
		checkSnapshot(path, n, d);
		const snapshots = Array.from({ length: T }, (_, t) => a.data.subarray(t * n * d, (t + 1) * n * d));
		checkFinite(path, snapshots, n, d, true);
		return { snapshots, trajectory: true, n, d, dtype: a.dtype, shape: a.shape };
	}
	throw new CliError(`${path}: wrong rank: expected (N, d) or (T, N, d), got shape ${shapeText(a.shape)}`);
}

import { readFileSync, statSync } from 'node:fs';
import { NpyError, parseNpy, type NpyArray } from '../../src/lib/probe/index';
import { CliError } from './cli-error';

/** Reads and parses one .npy file; every failure becomes a one-line CliError naming the file. */
export function readNpyFile(path: string): NpyArray {
	let bytes: Uint8Array;
	try {
		if (!statSync(path).isFile()) throw new CliError(`${path}: not a file`);
		bytes = readFileSync(path);
	} catch (e) {
		if (e instanceof CliError) throw e;
		const code = (e as NodeJS.ErrnoException).code;
		throw new CliError(code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot read (${code ?? String(e)})`);
	}
	try {
		return parseNpy(bytes);
	} catch (e) {
		if (e instanceof NpyError) throw new CliError(`${path}: ${e.message}`);
		throw e;
	}
}

export const shapeText = (shape: number[]) => `(${shape.join(', ')})`;

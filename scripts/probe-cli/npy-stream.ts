import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { NpyError, parseNpyHeader, type NpyHeader } from '../../src/lib/probe/index';
import { CliError } from './cli-error';

/** An open .npy file whose data is read in pieces (never the whole file): a researcher's run may exceed memory. */
export interface NpyStream {
	path: string;
	header: NpyHeader;
	/** Reads `count` items starting at item `first` into `out` (a Float32Array or Float64Array of the file's dtype). */
	read(first: number, out: Float32Array | Float64Array): void;
	close(): void;
}

function fail(path: string, e: unknown): never {
	if (e instanceof CliError) throw e;
	if (e instanceof NpyError) throw new CliError(`${path}: ${e.message}`);
	const code = (e as NodeJS.ErrnoException).code;
	throw new CliError(code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot read (${code ?? String(e)})`);
}

/** Opens `path` and parses its header from the first bytes only; the size of the data is checked against the shape. */
export function openNpy(path: string): NpyStream {
	let fd: number;
	try {
		fd = openSync(path, 'r');
	} catch (e) {
		fail(path, e);
	}
	try {
		const size = fstatSync(fd).size;
		if (!fstatSync(fd).isFile()) throw new CliError(`${path}: not a file`);
		let head = new Uint8Array(Math.min(size, 4096));
		readSync(fd, head, 0, head.length, 0);
		if (head.length >= 12 && head[6] >= 2) {
			// Versions 2–3: a 4-byte header length that may exceed the first read.
			const want = 12 + new DataView(head.buffer).getUint32(8, true);
			if (want > head.length && want <= size) {
				head = new Uint8Array(want);
				readSync(fd, head, 0, want, 0);
			}
		}
		const header = parseNpyHeader(head, size);
		const itemSize = header.dtype === '<f4' ? 4 : 8;
		return {
			path,
			header,
			read(first, out) {
				const bytes = new Uint8Array(out.buffer, out.byteOffset, out.length * itemSize);
				let done = 0;
				while (done < bytes.length) {
					const got = readSync(fd, bytes, done, bytes.length - done, header.dataOffset + first * itemSize + done);
					if (got <= 0) throw new CliError(`${path}: file ended early while reading`);
					done += got;
				}
			},
			close() {
				closeSync(fd);
			}
		};
	} catch (e) {
		closeSync(fd);
		fail(path, e);
	}
}

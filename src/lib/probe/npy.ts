/**
 * Reader for NumPy .npy files (format versions 1–3), pure parsing of bytes: usable by the CLI and by a browser
 * upload. Only little-endian float32/float64 in C order are accepted; anything else is an NpyError whose
 * message says what was found.
 */
export class NpyError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'NpyError';
	}
}

export interface NpyArray {
	data: Float32Array | Float64Array;
	shape: number[];
	dtype: '<f4' | '<f8';
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

function headerField(header: string, key: string): string | null {
	const m = header.match(new RegExp(`['"]${key}['"]\\s*:\\s*`));
	if (!m || m.index === undefined) return null;
	const rest = header.slice(m.index + m[0].length);
	if (rest.startsWith("'") || rest.startsWith('"')) {
		const end = rest.indexOf(rest[0], 1);
		return end > 0 ? rest.slice(0, end + 1) : null;
	}
	if (rest.startsWith('(')) {
		const end = rest.indexOf(')');
		return end > 0 ? rest.slice(0, end + 1) : null;
	}
	const word = rest.match(/^[A-Za-z0-9_]+/);
	return word ? word[0] : null;
}

function parseShape(text: string): number[] {
	const inner = text.slice(1, -1).trim();
	if (inner === '') return [];
	const parts = inner.split(',').map((s) => s.trim()).filter((s) => s !== '');
	return parts.map((p) => {
		const v = Number(p.replace(/L$/, ''));
		if (!Number.isInteger(v) || v < 0) throw new NpyError(`malformed npy header: bad shape ${text}`);
		return v;
	});
}

export interface NpyHeader {
	shape: number[];
	dtype: '<f4' | '<f8';
	/** Byte offset of the data. */
	dataOffset: number;
	/** Bytes of data the shape needs. */
	dataBytes: number;
}

/**
 * The header of an .npy file from its first bytes (`bytes` holds at least the header; `fileLength` is the whole
 * file's size, so a reader that streams the data can still check that data and shape agree). Refuses a header-length
 * field that does not end at the header's newline (the data would be read shifted) and data longer or shorter than
 * the shape.
 */
export function parseNpyHeader(bytes: Uint8Array, fileLength = bytes.length): NpyHeader {
	if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b)) {
		throw new NpyError('not an npy file (missing the \\x93NUMPY magic)');
	}
	const major = bytes[6];
	if (major < 1 || major > 3) throw new NpyError(`unsupported npy format version ${major}.${bytes[7]}`);
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const lengthBytes = major === 1 ? 2 : 4;
	if (bytes.length < 8 + lengthBytes) throw new NpyError('truncated npy header');
	const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
	const start = 8 + lengthBytes;
	const dataOffset = start + headerLength;
	if (dataOffset > bytes.length) throw new NpyError('truncated npy header');
	const header = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(bytes.subarray(start, dataOffset));
	// NumPy ends the header with a newline (after space padding); a length field that is off shifts the data.
	if (!header.endsWith('\n')) {
		let nl = -1;
		for (let i = start; i < Math.min(bytes.length, start + headerLength + 65536); i++) {
			if (bytes[i] === 0x0a) {
				nl = i;
				break;
			}
		}
		const actual = nl >= 0 ? `the header's newline is at byte ${nl}, so it should be ${nl + 1 - start}` : 'no newline ends the header';
		throw new NpyError(`inconsistent npy header: its length field says ${headerLength} bytes but ${actual}; the data would be read shifted`);
	}

	const descrText = headerField(header, 'descr');
	const fortranText = headerField(header, 'fortran_order');
	const shapeText = headerField(header, 'shape');
	if (!descrText || !fortranText || !shapeText) throw new NpyError('malformed npy header (need descr, fortran_order, shape)');
	const descr = descrText.slice(1, -1);
	if (descr !== '<f4' && descr !== '<f8') {
		throw new NpyError(`unsupported dtype '${descr}' (only little-endian float32 '<f4' and float64 '<f8')`);
	}
	if (fortranText === 'True') throw new NpyError('Fortran-order arrays are not supported (save with C order)');
	if (fortranText !== 'False') throw new NpyError(`malformed npy header: fortran_order ${fortranText}`);
	const shape = parseShape(shapeText);
	const count = shape.reduce((a, b) => a * b, 1);
	const itemSize = descr === '<f4' ? 4 : 8;
	const needed = count * itemSize;
	const have = fileLength - dataOffset;
	if (have < needed) {
		throw new NpyError(`truncated npy data: shape (${shape.join(', ')}) needs ${needed} bytes, file has ${have}`);
	}
	if (have > needed) {
		throw new NpyError(`npy data is longer than its shape: (${shape.join(', ')}) needs ${needed} bytes, file has ${have} (${have - needed} extra)`);
	}
	return { shape, dtype: descr, dataOffset, dataBytes: needed };
}

export function parseNpy(input: ArrayBuffer | Uint8Array): NpyArray {
	const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
	const { shape, dtype: descr, dataOffset, dataBytes: needed } = parseNpyHeader(bytes);
	// Copy into a fresh, aligned buffer (the data offset need not be a multiple of 8). Hosts are little-endian.
	// (A fresh Uint8Array, not bytes.slice: a Node Buffer's slice is a view into a shared pool.)
	const copy = new Uint8Array(needed);
	copy.set(bytes.subarray(dataOffset, dataOffset + needed));
	const data = descr === '<f4' ? new Float32Array(copy.buffer) : new Float64Array(copy.buffer);
	return { data, shape, dtype: descr };
}

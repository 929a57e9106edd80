/**
 * The UCI 8×8 handwritten digits (static/data-ssl, CC BY 4.0; see the SOURCE file there), loaded once per thread:
 * the worker fetches them from the site, the Node CLI reads them from disk; either then calls `provideDigits`.
 * The files are uint8 .npy (grey levels 0–16, 1797×64, and 1797 labels).
 */
export interface DigitsImages {
	n: number;
	/** n×64 grey levels 0–16. */
	x: Uint8Array;
	label: Uint8Array;
}

/** Site-relative folder of the files (the worker prefixes the base path). */
export const DIGITS_FOLDER = 'data-ssl/';
export const DIGITS_FILES = { images: 'digits-8x8.npy', labels: 'digits-labels.npy' } as const;

let loaded: DigitsImages | null = null;

/** Parse a little-endian uint8 .npy (format 1–3, C order) into its bytes and shape. */
function parseU8Npy(buffer: ArrayBuffer | Uint8Array): { data: Uint8Array; shape: number[] } {
	const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
	const magic = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];
	if (bytes.length < 10 || magic.some((b, i) => bytes[i] !== b)) throw new Error('digits: not an npy file');
	const major = bytes[6];
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
	const start = major === 1 ? 10 : 12;
	const header = new TextDecoder().decode(bytes.subarray(start, start + headerLength));
	if (!/'descr':\s*'\|u1'/.test(header)) throw new Error(`digits: expected uint8 (|u1) data, header ${header.trim()}`);
	if (/'fortran_order':\s*True/.test(header)) throw new Error('digits: Fortran-order npy not supported');
	const m = header.match(/'shape':\s*\(([^)]*)\)/);
	if (!m) throw new Error('digits: npy header without a shape');
	const shape = m[1].split(',').map((s) => s.trim()).filter(Boolean).map(Number);
	const count = shape.reduce((a, b) => a * b, 1);
	const data = bytes.slice(start + headerLength, start + headerLength + count);
	if (data.length !== count) throw new Error(`digits: truncated npy (${data.length} of ${count} bytes)`);
	return { data, shape };
}

/** Check and keep the two files' contents. */
export function provideDigits(images: ArrayBuffer | Uint8Array, labels: ArrayBuffer | Uint8Array): DigitsImages {
	const x = parseU8Npy(images);
	const y = parseU8Npy(labels);
	const n = x.shape[0];
	if (x.shape.length !== 2 || x.shape[1] !== 64 || y.shape.length !== 1 || y.shape[0] !== n) {
		throw new Error(`digits: expected n×64 images and n labels, got [${x.shape}] and [${y.shape}]`);
	}
	loaded = { n, x: x.data, label: y.data };
	return loaded;
}

export function digitsLoaded(): boolean {
	return loaded !== null;
}

export function getDigits(): DigitsImages {
	if (!loaded) throw new Error('digits: the image files are not loaded yet (fetchDigits or provideDigits first)');
	return loaded;
}

/** Fetch the files from the site (worker) unless they are already loaded. `baseUrl` ends in '/'. */
export async function fetchDigits(baseUrl: string): Promise<DigitsImages> {
	if (loaded) return loaded;
	const get = async (name: string) => {
		const res = await fetch(`${baseUrl}${DIGITS_FOLDER}${name}`);
		if (!res.ok) throw new Error(`digits: could not load ${name} (HTTP ${res.status})`);
		return res.arrayBuffer();
	};
	const [images, labels] = await Promise.all([get(DIGITS_FILES.images), get(DIGITS_FILES.labels)]);
	return provideDigits(images, labels);
}

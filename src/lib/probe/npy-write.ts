/**
 * Writes arrays as version 1.0 .npy files (little-endian, header padded so the data starts on a 64-byte boundary),
 * e.g. for test fixtures or for exporting hidden states from the browser.
 */

/**
 * The header bytes alone, so a large file can be written snapshot by snapshot after it. Any dtype descriptor
 * (e.g. '<f4', '<i8', or a wrong one on purpose for a fixture), C or Fortran order.
 */
export function npyHeader(descr: string, shape: number[], fortran = false): Uint8Array {
	const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
	let header = `{'descr': '${descr}', 'fortran_order': ${fortran ? 'True' : 'False'}, 'shape': ${shapeText}, }`;
	header += ' '.repeat((64 - ((11 + header.length) % 64)) % 64) + '\n';
	const out = new Uint8Array(10 + header.length);
	out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
	new DataView(out.buffer).setUint16(8, header.length, true);
	for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
	return out;
}

/** Header and data of any dtype (the data's bytes as they are). */
export function npyBytes(descr: string, shape: number[], data: ArrayBufferView, fortran = false): Uint8Array {
	const header = npyHeader(descr, shape, fortran);
	const out = new Uint8Array(header.length + data.byteLength);
	out.set(header);
	out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), header.length);
	return out;
}

/** A float32/float64 array of the given shape, C order. */
export function writeNpy(data: Float32Array | Float64Array, shape: number[]): Uint8Array {
	const count = shape.reduce((a, b) => a * b, 1);
	if (count !== data.length) throw new Error(`writeNpy: shape (${shape.join(', ')}) does not match ${data.length} values`);
	return npyBytes(data instanceof Float32Array ? '<f4' : '<f8', shape, data);
}

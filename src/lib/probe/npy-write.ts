/**
 * The header bytes of a version 1.0 .npy (little-endian, C order), padded so the data starts on a 64-byte
 * boundary. Separate from writeNpy so a large file can be written snapshot by snapshot after it.
 */
export function npyHeader(descr: '<f4' | '<f8', shape: number[]): Uint8Array {
	const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
	let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shapeText}, }`;
	const total = 10 + header.length + 1;
	header += ' '.repeat((64 - (total % 64)) % 64) + '\n';
	const out = new Uint8Array(10 + header.length);
	out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
	new DataView(out.buffer).setUint16(8, header.length, true);
	for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
	return out;
}

/**
 * Writes a float32/float64 array as a version 1.0 .npy (little-endian, C order), e.g. for test fixtures or for
 * exporting hidden states from the browser. The header is padded so the data starts on a 64-byte boundary.
 */
export function writeNpy(data: Float32Array | Float64Array, shape: number[]): Uint8Array {
	const count = shape.reduce((a, b) => a * b, 1);
	if (count !== data.length) throw new Error(`writeNpy: shape (${shape.join(', ')}) does not match ${data.length} values`);
	const header = npyHeader(data instanceof Float32Array ? '<f4' : '<f8', shape);
	const out = new Uint8Array(header.length + data.byteLength);
	out.set(header);
	out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), header.length);
	return out;
}

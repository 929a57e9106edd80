import { describe, expect, it } from 'vitest';
import { NpyError, parseNpy } from './npy';
import { writeNpy } from './npy-write';

function withHeader(header: string, body = new Uint8Array(0), version = 1): Uint8Array {
	const h = new TextEncoder().encode(header);
	const lengthBytes = version === 1 ? 2 : 4;
	const out = new Uint8Array(8 + lengthBytes + h.length + body.length);
	out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]);
	const view = new DataView(out.buffer);
	if (version === 1) view.setUint16(8, h.length, true);
	else view.setUint32(8, h.length, true);
	out.set(h, 8 + lengthBytes);
	out.set(body, 8 + lengthBytes + h.length);
	return out;
}

describe('parseNpy', () => {
	it('round-trips float32 and float64 written by writeNpy (64-byte aligned header)', () => {
		const a = Float32Array.from([1, 2.5, -3, 4, 5, 6]);
		const bytes = writeNpy(a, [2, 3]);
		expect((bytes.length - a.byteLength) % 64).toBe(0);
		const r = parseNpy(bytes);
		expect(r.shape).toEqual([2, 3]);
		expect(r.dtype).toBe('<f4');
		expect(Array.from(r.data)).toEqual([1, 2.5, -3, 4, 5, 6]);
		const b = Float64Array.from([Math.PI, -1e300]);
		const r2 = parseNpy(writeNpy(b, [2]).buffer as ArrayBuffer);
		expect(r2.shape).toEqual([2]);
		expect(r2.data).toBeInstanceOf(Float64Array);
		expect(Array.from(r2.data)).toEqual([Math.PI, -1e300]);
	});

	it('reads from a pooled Node Buffer (whose slice is a view into a shared pool)', () => {
		const file = writeNpy(Float32Array.from([7, 8, 9]), [3]);
		const pooled = Buffer.from(file); // small Buffers share one pool ArrayBuffer
		expect(pooled.byteOffset + pooled.byteLength).toBeLessThanOrEqual(pooled.buffer.byteLength);
		expect(Array.from(parseNpy(pooled).data)).toEqual([7, 8, 9]);
	});

	it('reads a header written by numpy (version 1.0, odd data offset handled by copying)', () => {
		const body = new Uint8Array(new Float64Array([1, 2, 3, 4]).buffer);
		const r = parseNpy(withHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }\n", body));
		expect(Array.from(r.data)).toEqual([1, 2, 3, 4]);
		const r3 = parseNpy(withHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (4,), }  \n", body, 2));
		expect(r3.shape).toEqual([4]);
	});

	it('refuses a header-length field that misses the header’s newline (shifted data) and data longer than the shape', () => {
		const good = writeNpy(Float64Array.from([1, 2, 3, 4]), [2, 2]);
		expect(parseNpy(good).shape).toEqual([2, 2]);
		const short = Uint8Array.from(good);
		const view = new DataView(short.buffer);
		view.setUint16(8, view.getUint16(8, true) - 4, true); // header-length field 4 bytes short
		expect(() => parseNpy(short)).toThrow(/inconsistent npy header: its length field says \d+ bytes but the header's newline is at byte \d+/);
		const longer = new Uint8Array(good.length + 8);
		longer.set(good);
		expect(() => parseNpy(longer)).toThrow(/npy data is longer than its shape: \(2, 2\) needs 32 bytes, file has 40 \(8 extra\)/);
	});

	it('clear errors: bad magic, dtype (named), Fortran order, truncation, version', () => {
		expect(() => parseNpy(new TextEncoder().encode('hello, world, not npy'))).toThrow(/not an npy file/);
		expect(() => parseNpy(new Uint8Array(3))).toThrow(NpyError);
		expect(() => parseNpy(withHeader("{'descr': '<i8', 'fortran_order': False, 'shape': (1,), }\n"))).toThrow(
			/unsupported dtype '<i8'/
		);
		expect(() => parseNpy(withHeader("{'descr': '>f4', 'fortran_order': False, 'shape': (1,), }\n"))).toThrow(
			/unsupported dtype '>f4'/
		);
		expect(() => parseNpy(withHeader("{'descr': '<f4', 'fortran_order': True, 'shape': (1, 1), }\n"))).toThrow(
			/Fortran-order/
		);
		expect(() => parseNpy(withHeader("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 2), }\n"))).toThrow(
			/truncated npy data: shape \(3, 2\) needs 24 bytes, file has 0/
		);
		expect(() => parseNpy(withHeader("{'descr': '<f4'}\n"))).toThrow(/malformed npy header/);
		const v9 = withHeader("{'descr': '<f4', 'fortran_order': False, 'shape': (), }\n");
		v9[6] = 9;
		expect(() => parseNpy(v9)).toThrow(/unsupported npy format version 9/);
	});
});

import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed, GaussianSource, mixSeed, mulberry32, Rng, Xoshiro128 } from './index';
import { streamRng } from '../train/seeded';

// The committed runs in content/data were drawn from these streams: the values below were recorded before the
// generators were gathered into one module, and every stream must keep giving them to the last bit.
describe('seeded streams stay bit-identical', () => {
	it('probe stream: mulberry32 uniforms, Box–Muller normals on 1 − u', () => {
		const p = createRng(42);
		expect([p.uniform(), p.uniform(), p.uniform()]).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
		expect([p.normal(), p.normal(), p.normal()]).toEqual([0.6773277072041898, 1.3254965881566083, -0.1778509189597297]);
	});

	it('probe seed mixer', () => {
		expect([mixSeed(1, 0), mixSeed(12345, 7), mixSeed(0xffffffff, 0x51ed)]).toEqual([677952471, 2096004035, 537049216]);
	});

	it('run stream: same uniforms, Box–Muller on u, ints, shuffles, scaled normals', () => {
		const r = new Rng(42);
		expect([r.next(), r.next()]).toEqual([0.6011037519201636, 0.44829055899754167]);
		expect([r.normal(), r.normal(), r.normal()]).toEqual([-0.2730261048826104, -0.4946727576767142, -1.8416271847835968]);
		expect([r.int(10), r.int(1000)]).toEqual([2, 624]);
		expect(Array.from(r.shuffle([0, 1, 2, 3, 4, 5, 6, 7]))).toEqual([5, 7, 0, 2, 4, 1, 3, 6]);
		expect(Array.from(r.normals(3, 0.5))).toEqual([-0.15530286729335785, -0.2280784547328949, -0.542056143283844]);
	});

	it('run seed mixer and per-purpose streams', () => {
		expect([deriveSeed(1, 2, 3), deriveSeed(7), deriveSeed(2 ** 40 + 5, 9), deriveSeed(-3, 0)]).toEqual([
			2901138804, 1655559385, 1815793345, 631844757
		]);
		expect([streamRng(7, 3, 11).next(), streamRng(7, 2).normal()]).toEqual([0.2522643015254289, 1.8978667379393694]);
	});

	it('simulation stream: xoshiro128** uniforms and ziggurat normals', () => {
		const x = new Xoshiro128(42);
		expect([x.nextUint32(), x.nextInt32(), x.nextDouble()]).toEqual([2837322924, 544945897, 0.11170196405146271]);
		const g = new GaussianSource(42);
		expect([g.next(), g.next(), g.next()]).toEqual([-0.8574326558528615, 0.5610843699136194, 0.6306971317986022]);
		const f = new Float64Array(2000);
		new GaussianSource(9).fill(f, 2000);
		expect(f.reduce((s, v) => s + v, 0)).toBe(-24.710231291154372);
		expect(f[1999]).toBe(0.4042948708627707);
	});

	it('bare mulberry32 uniforms (the test fixtures of the forecast)', () => {
		const m = mulberry32(3);
		expect([m(), m()]).toEqual([0.7202267837710679, 0.03866216051392257]);
	});
});

import { firstNonFinite, type Matrix } from '../../src/lib/probe/index';
import { CliError } from './cli-error';
import { readNpyFile, shapeText } from './read-npy-file';

export interface Readout {
	/** One C×d row-major W per snapshot (the same array repeated for a fixed readout). */
	perSnapshot: Matrix[];
	classes: number;
	/** What layout was assumed, for the output. */
	layout: string;
}

function transpose(W: Matrix, rows: number, cols: number): Float64Array {
	const out = new Float64Array(rows * cols);
	for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = W[r * cols + c];
	return out;
}

/** One (a, b) block → C×d rows, deciding between (C, d) and (d, C); null if neither fits. */
function orient(a: number, b: number, d: number): { classes: number; transposed: boolean; layout: string } | null {
	if (b === d && a === d) return { classes: a, transposed: false, layout: `(C, d) = (${a}, ${b}); square, so read as one row per class` };
	if (b === d) return { classes: a, transposed: false, layout: `(C, d) = (${a}, ${b})` };
	if (a === d) return { classes: b, transposed: true, layout: `(d, C) = (${a}, ${b}), the tfjs/keras Dense kernel layout; transposed` };
	return null;
}

/** Reads --readout W.npy for T snapshots of dimension d. */
export function readReadout(path: string, T: number, d: number): Readout {
	const w = readNpyFile(path);
	const s = w.shape;
	if (s.length !== 2 && s.length !== 3) {
		throw new CliError(`${path}: wrong rank for a readout: expected (C, d), (d, C), (T, C, d) or (T, d, C), got ${shapeText(s)}`);
	}
	const [a, b] = s.length === 2 ? s : [s[1], s[2]];
	const o = orient(a, b, d);
	if (!o) throw new CliError(`${path}: readout shape ${shapeText(s)} matches neither (C, d) nor (d, C) for the snapshots' d = ${d}`);
	if (o.classes < 2) throw new CliError(`${path}: a readout needs at least 2 classes, got C = ${o.classes}`);
	const bad = firstNonFinite(w.data, w.data.length, 1);
	if (bad) throw new CliError(`${path}: non-finite value ${bad.value} at flat index ${bad.row}`);
	const block = (M: Matrix) => (o.transposed ? transpose(M, a, b) : M);
	if (s.length === 2) {
		const W = block(w.data);
		return { perSnapshot: Array.from({ length: T }, () => W), classes: o.classes, layout: o.layout };
	}
	if (s[0] !== T) throw new CliError(`${path}: readout trajectory has T = ${s[0]} but the hidden states have ${T} snapshot(s)`);
	const size = a * b;
	return {
		perSnapshot: Array.from({ length: T }, (_, t) => block(w.data.subarray(t * size, (t + 1) * size))),
		classes: o.classes,
		layout: `T × ${o.layout}`
	};
}

/** --mse as a number (all snapshots) or a .npy of T values. */
export function readMse(value: number | string, T: number): number[] {
	if (typeof value === 'number') return Array<number>(T).fill(value);
	const m = readNpyFile(value);
	if (m.data.length !== T) throw new CliError(`${value}: expected ${T} mse value(s), one per snapshot, got shape ${shapeText(m.shape)}`);
	const values = Array.from(m.data);
	const i = values.findIndex((x) => !(x > 0) || !Number.isFinite(x));
	if (i >= 0) throw new CliError(`${value}: mse must be positive and finite, got ${values[i]} at snapshot ${i}`);
	return values;
}

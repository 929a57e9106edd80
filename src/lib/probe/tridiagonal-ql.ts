/**
 * Eigenvalues of a symmetric tridiagonal matrix by the implicit QL algorithm (tql2 of EISPACK/JAMA), without
 * accumulating eigenvectors. Instead the Givens rotations are recorded, so any single eigenvector of T is recovered
 * later by replaying them on a unit vector (`tridiagonalEigenvector`), O(#rotations) per vector.
 */
export interface QLRotations {
	count: number;
	index: Int32Array;
	c: Float64Array;
	s: Float64Array;
}

const EPS = 2 ** -52;

function hypot(a: number, b: number): number {
	const r = Math.sqrt(a * a + b * b);
	return r > 0 && r < Infinity ? r : Math.hypot(a, b);
}

function record(rot: QLRotations, i: number, c: number, s: number): void {
	if (rot.count === rot.index.length) {
		const size = Math.max(64, rot.count * 2);
		const index = new Int32Array(size);
		const cc = new Float64Array(size);
		const ss = new Float64Array(size);
		index.set(rot.index);
		cc.set(rot.c);
		ss.set(rot.s);
		rot.index = index;
		rot.c = cc;
		rot.s = ss;
	}
	rot.index[rot.count] = i;
	rot.c[rot.count] = c;
	rot.s[rot.count] = s;
	rot.count++;
}

/**
 * diag (length n) and off (off[i] = T[i+1][i], off[n−1] = 0) are overwritten: diag becomes the eigenvalues
 * (unsorted; position j pairs with eigenvector j of the replay). Returns the recorded rotations.
 */
export function tridiagonalQL(diag: Float64Array, off: Float64Array, n: number): QLRotations {
	// ~1.05·n² rotations measured on covariance spectra (d 128–512): room for that up front, no regrowth.
	const capacity = Math.ceil(1.1 * n * n) + 64;
	const rot: QLRotations = {
		count: 0,
		index: new Int32Array(capacity),
		c: new Float64Array(capacity),
		s: new Float64Array(capacity)
	};
	const d = diag;
	const e = off;
	if (n > 0) e[n - 1] = 0;
	let f = 0;
	let tst1 = 0;
	for (let l = 0; l < n; l++) {
		tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
		let m = l;
		while (m < n - 1 && Math.abs(e[m]) > EPS * tst1) m++;
		if (m > l) {
			let iter = 0;
			do {
				if (++iter > 100) throw new Error('tridiagonalQL: no convergence');
				let g = d[l];
				let p = (d[l + 1] - g) / (2 * e[l]);
				let r = hypot(p, 1);
				if (p < 0) r = -r;
				d[l] = e[l] / (p + r);
				d[l + 1] = e[l] * (p + r);
				const dl1 = d[l + 1];
				let h = g - d[l];
				for (let i = l + 2; i < n; i++) d[i] -= h;
				f += h;
				p = d[m];
				let c = 1;
				let c2 = c;
				let c3 = c;
				const el1 = e[l + 1];
				let s = 0;
				let s2 = 0;
				for (let i = m - 1; i >= l; i--) {
					c3 = c2;
					c2 = c;
					s2 = s;
					g = c * e[i];
					h = c * p;
					r = hypot(p, e[i]);
					e[i + 1] = s * r;
					s = e[i] / r;
					c = p / r;
					p = c * d[i] - s * g;
					d[i + 1] = h + s * (c * g + s * d[i]);
					record(rot, i, c, s);
				}
				p = (-s * s2 * c3 * el1 * e[l]) / dl1;
				e[l] = s * p;
				d[l] = c * p;
			} while (Math.abs(e[l]) > EPS * tst1);
		}
		d[l] = d[l] + f;
		e[l] = 0;
	}
	return rot;
}

/** Eigenvector j of T (unit norm, tridiagonal basis): the rotations replayed in reverse on e_j. */
export function tridiagonalEigenvector(rot: QLRotations, n: number, j: number, out?: Float64Array): Float64Array {
	const x = out && out.length >= n ? out : new Float64Array(n);
	x.fill(0, 0, n);
	x[j] = 1;
	const { index, c, s } = rot;
	for (let t = rot.count - 1; t >= 0; t--) {
		const i = index[t];
		const xi = x[i];
		const xi1 = x[i + 1];
		if (xi === 0 && xi1 === 0) continue;
		x[i] = c[t] * xi + s[t] * xi1;
		x[i + 1] = -s[t] * xi + c[t] * xi1;
	}
	return x;
}

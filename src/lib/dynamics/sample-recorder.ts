/**
 * Records a few paths for plotting with at most `maxPoints` points each, without knowing in advance how long the
 * simulation will run: points are taken every `stride` steps; when the buffer fills, every other point is dropped
 * and the stride doubles. The result therefore has between maxPoints/2 and maxPoints points, evenly spaced.
 */
export class SampleRecorder {
	private readonly t: Float64Array;
	private readonly a: Float64Array[];
	private count = 0;
	private stride = 1;

	constructor(
		private readonly paths: number,
		private readonly maxPoints = 400
	) {
		if (maxPoints < 2 || maxPoints % 2 !== 0) throw new Error('maxPoints must be an even number ≥ 2');
		this.t = new Float64Array(maxPoints);
		this.a = Array.from({ length: paths }, () => new Float64Array(maxPoints));
	}

	/** Whether step index `step` should be recorded (call record() only then). */
	wants(step: number): boolean {
		return this.paths > 0 && step % this.stride === 0;
	}

	/** Records time t and values[0..paths): the current values of the recorded paths, in order. */
	record(t: number, values: Float64Array): void {
		if (this.count === this.maxPoints) this.halve();
		this.t[this.count] = t;
		for (let p = 0; p < this.paths; p++) this.a[p][this.count] = values[p];
		this.count++;
	}

	private halve(): void {
		const half = this.count >> 1;
		for (let k = 0; k < half; k++) {
			this.t[k] = this.t[2 * k];
			for (let p = 0; p < this.paths; p++) this.a[p][k] = this.a[p][2 * k];
		}
		this.count = half;
		this.stride *= 2;
	}

	/** Copies of the recorded points. */
	result(): { t: Float64Array; a: Float64Array[] } {
		return { t: this.t.slice(0, this.count), a: this.a.map((row) => row.slice(0, this.count)) };
	}
}

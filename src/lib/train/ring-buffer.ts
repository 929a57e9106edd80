/** A fixed-capacity buffer keeping the most recent items, oldest first when read. */
export class RingBuffer<T> {
	private items: (T | undefined)[];
	private start = 0;
	private count = 0;

	constructor(readonly capacity: number) {
		if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`ring buffer capacity must be ≥ 1, got ${capacity}`);
		this.items = new Array(capacity);
	}

	get size(): number {
		return this.count;
	}

	push(item: T): void {
		const end = (this.start + this.count) % this.capacity;
		this.items[end] = item;
		if (this.count < this.capacity) this.count++;
		else this.start = (this.start + 1) % this.capacity;
	}

	/** The i-th oldest item (0 = oldest). */
	at(i: number): T | undefined {
		if (i < 0 || i >= this.count) return undefined;
		return this.items[(this.start + i) % this.capacity];
	}

	last(): T | undefined {
		return this.at(this.count - 1);
	}

	toArray(): T[] {
		return Array.from({ length: this.count }, (_, i) => this.at(i) as T);
	}

	/** Drop every item newer than the predicate's last match (used when a run is rewound to a checkpoint). */
	dropWhile(newerThan: (item: T) => boolean): void {
		while (this.count > 0 && newerThan(this.last() as T)) {
			this.items[(this.start + this.count - 1) % this.capacity] = undefined;
			this.count--;
		}
	}

	clear(): void {
		this.items = new Array(this.capacity);
		this.start = 0;
		this.count = 0;
	}
}

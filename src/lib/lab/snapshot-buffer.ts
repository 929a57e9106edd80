/**
 * The UI's own ring buffer of snapshots, as an immutable array (a new array per push, so runes see the change).
 * A snapshot at or before the newest step means the worker rewound (backend fallback from a checkpoint): the newer
 * ones it replaces are dropped, so the buffer stays ordered by step.
 */
import type { Snapshot } from '$lib/train/protocol';

export function appendSnapshot(buffer: readonly Snapshot[], snap: Snapshot, capacity: number): Snapshot[] {
	let keep = buffer.length;
	while (keep > 0 && buffer[keep - 1].step >= snap.step) keep--;
	const start = Math.max(0, keep + 1 - capacity);
	return [...buffer.slice(start, keep), snap];
}

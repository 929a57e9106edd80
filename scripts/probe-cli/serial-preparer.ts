import { prepareSnapshot, type PreparedSnapshot } from '../../src/lib/probe/prepare-snapshot';
import type { RelaySetup } from './relay-protocol';
import type { Snapshots } from './read-snapshots';

/** `--workers 1`: each snapshot read and prepared on the main thread when its turn comes, in one reused N×d buffer. */
export function serialPreparer(s: Snapshots, setup: RelaySetup): { prepared(t: number): Promise<PreparedSnapshot> } {
	const Z = new Float64Array(s.n * s.d);
	return {
		async prepared(t) {
			s.readInto(t, Z);
			return prepareSnapshot(Z, s.n, s.d, setup.kernel, setup.topK, { out: Z, spectrum: setup.spectrum });
		}
	};
}

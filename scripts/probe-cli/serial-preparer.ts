import { prepareSnapshot } from '../../src/lib/probe/prepare-snapshot';
import type { Preparer } from './prepare-pool';
import type { PrepareSetup } from './prepare-protocol';
import type { Snapshots } from './read-snapshots';

/** `--workers 1`: each snapshot prepared on the main thread when its turn comes, in one reused N×d buffer. */
export function serialPreparer(s: Snapshots, setup: PrepareSetup): Preparer {
	const Z = new Float64Array(s.n * s.d);
	return {
		async prepared(t) {
			s.readInto(t, Z);
			return prepareSnapshot(Z, s.n, s.d, setup.kernel, setup.topK, { out: Z, spectrum: setup.spectrum });
		},
		release() {},
		async close() {}
	};
}

// Worker thread of `npm run probe --workers N`: reads snapshot t of the input, centres it and takes its spectrum
// (prepareSnapshot, the part of a probe update that needs no state), and hands the arrays back. The buffer that
// holds the snapshot travels with each message (transferred, not copied), so memory stays bounded by the pool.
import { parentPort, workerData } from 'node:worker_threads';
import { ProbeInputError } from '../../src/lib/probe/probe-error';
import { prepareSnapshot } from '../../src/lib/probe/prepare-snapshot';
import { CliError } from './cli-error';
import type { PrepareJob, PrepareReply, PrepareSetup } from './prepare-protocol';
import { readSnapshots } from './read-snapshots';

const setup = (workerData as { setup: PrepareSetup }).setup;
const s = readSnapshots(setup.file);
const { n, d } = s;

parentPort!.on('message', ({ t, buffer }: PrepareJob) => {
	const Z = new Float64Array(buffer, 0, n * d);
	let reply: PrepareReply;
	try {
		s.readInto(t, Z);
		const p = prepareSnapshot(Z, n, d, setup.kernel, setup.topK, { out: Z, spectrum: setup.spectrum });
		reply = { t, buffer, mean: p.mean, eig: p.eig };
	} catch (e) {
		const kind = e instanceof CliError ? 'cli' : e instanceof ProbeInputError ? 'probe' : 'internal';
		reply = { t, buffer, error: { kind, message: e instanceof Error ? e.message : String(e) } };
	}
	parentPort!.postMessage(reply, [buffer]);
});

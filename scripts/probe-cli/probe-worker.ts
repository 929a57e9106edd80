// A worker thread of `npm run probe --workers N`: one relay node (relay-node.ts). Jobs come from the main thread,
// the state to warm-start from comes from the previous thread in the ring, and the state after each snapshot goes
// to the next one.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { Job, RelaySetup, StateMessage } from './relay-protocol';
import { relayNode } from './relay-node';
import { readSnapshots } from './read-snapshots';

const { setup, prev, next } = workerData as { setup: RelaySetup; prev: MessagePort; next: MessagePort };
const node = relayNode(readSnapshots(setup.file), setup, {
	outcome: (o) => parentPort!.postMessage(o),
	passState: (t, state) => next.postMessage({ t, state } satisfies StateMessage)
});
prev.on('message', (m: StateMessage) => {
	node.state(m.t, m.state);
	node.work();
});
parentPort!.on('message', (m: Job) => {
	node.job(m.t, m.beta);
	node.work();
});

/**
 * The training module worker: all tfjs work happens here, never on the UI thread.
 * Messages: see protocol.ts. Chunks are scheduled through a MessageChannel (no setTimeout clamping), so UI messages
 * are handled between chunks.
 */
import type { FromWorker, ToWorker } from '../protocol';
import { browserBackends } from './browser-backends';
import { RunController } from './run-controller';

const scope = self as unknown as {
	postMessage(msg: FromWorker, transfer?: Transferable[]): void;
	onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
};

const channel = new MessageChannel();
const pending: (() => void)[] = [];
channel.port1.onmessage = () => pending.shift()?.();

const controller = new RunController((msg, transfer) => scope.postMessage(msg, transfer ?? []), browserBackends, {
	schedule: (fn) => {
		pending.push(fn);
		channel.port2.postMessage(null);
	}
});

scope.onmessage = (e) => {
	void controller.handle(e.data);
};

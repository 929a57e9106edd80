/**
 * The bifurcation branch, computed in a worker: `request` supersedes any computation still running (its answer is
 * dropped), `branch` holds the newest finished one. No worker during prerendering: the branch stays empty there.
 */
import type { BranchPoint } from '$lib/theory/bifurcation-branch';
import type { BranchRequest, BranchResponse } from '$lib/theory/branch-protocol';

export class BranchJob {
	#branch = $state.raw<BranchPoint[]>([]);
	#pending = $state(false);
	#worker: Worker | null = null;
	#last = 0;
	#lastKey = '';

	get branch(): BranchPoint[] {
		return this.#branch;
	}

	get pending(): boolean {
		return this.#pending;
	}

	request(args: Omit<BranchRequest, 'id'>): void {
		if (typeof Worker === 'undefined') return;
		// The same inputs again (e.g. a re-derived but equal cloud): keep the computation that is running or done.
		const key = requestKey(args);
		if (key === this.#lastKey) return;
		this.#lastKey = key;
		if (this.#pending && this.#worker) {
			// A long computation for a superseded state: stop it rather than queue behind it.
			this.#worker.terminate();
			this.#worker = null;
		}
		this.#worker ??= this.#spawn();
		const id = ++this.#last;
		this.#pending = true;
		this.#worker.postMessage({ ...args, Z: Float64Array.from(args.Z), rhos: [...args.rhos], id } satisfies BranchRequest);
	}

	dispose(): void {
		this.#worker?.terminate();
		this.#worker = null;
	}

	#spawn(): Worker {
		const w = new Worker(new URL('../../theory/branch-worker.ts', import.meta.url), { type: 'module' });
		w.onmessage = (e: MessageEvent<BranchResponse>) => {
			if (e.data.id !== this.#last) return;
			this.#branch = e.data.branch;
			this.#pending = false;
		};
		return w;
	}
}

/** Identifies a request by value; the cloud by its points (cheap checksum over every coordinate). */
function requestKey(a: Omit<BranchRequest, 'id'>): string {
	let h = 0;
	for (let i = 0; i < a.Z.length; i++) h = (h * 31 + a.Z[i] * 1e6) % 2_147_483_647;
	return [a.n, a.d, a.K, a.seed, a.lambda1, a.rhos.length, a.rhos[0], a.rhos.at(-1), a.Z.length, h].join('|');
}

// Starts a TypeScript worker thread (workerData.entry, a file URL) under tsx: on Node 20 a worker does not inherit
// the main thread's `--import tsx` hooks, so it loads its entry through tsx's API instead.
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.entry, import.meta.url);

import { formatDuration } from './format-duration';

/**
 * A one-line progress bar with elapsed time and ETA on stderr (only used when stderr is a terminal and the output
 * is not JSON). `now` is injectable for tests. The ETA uses the pace since the first snapshot finished: with
 * --workers the first one also waits for the pipeline to fill (start-up, a spectrum taken before any EM), so
 * counting it would overstate the time left.
 */
export function progressBar(write: (s: string) => void, width = 30, now: () => number = () => performance.now()) {
	const start = now();
	let first = NaN;
	return {
		update(done: number, total: number) {
			const filled = Math.round((done / total) * width);
			const t = now();
			if (done === 1) first = t;
			const elapsed = (t - start) / 1000;
			const pace = done >= 2 && Number.isFinite(first) ? (t - first) / 1000 / (done - 1) : elapsed / done;
			const eta = done > 0 ? pace * (total - done) : NaN;
			const time = done < total ? `, ${formatDuration(elapsed)} elapsed, ETA ${formatDuration(eta)}` : `, ${formatDuration(elapsed)}`;
			write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${time}  `);
		},
		clear() {
			write(`\r${' '.repeat(width + 60)}\r`);
		}
	};
}

import { formatDuration } from './format-duration';

/**
 * A one-line progress bar with elapsed time and ETA on stderr (only used when stderr is a terminal and the output
 * is not JSON). `now` is injectable for tests.
 */
export function progressBar(write: (s: string) => void, width = 30, now: () => number = () => performance.now()) {
	const start = now();
	return {
		update(done: number, total: number) {
			const filled = Math.round((done / total) * width);
			const elapsed = (now() - start) / 1000;
			const eta = done > 0 ? (elapsed / done) * (total - done) : NaN;
			const time = done < total ? `, ${formatDuration(elapsed)} elapsed, ETA ${formatDuration(eta)}` : `, ${formatDuration(elapsed)}`;
			write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${time}  `);
		},
		clear() {
			write(`\r${' '.repeat(width + 60)}\r`);
		}
	};
}

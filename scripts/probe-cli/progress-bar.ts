/** A one-line progress bar on stderr (only used when stderr is a terminal and the output is not JSON). */
export function progressBar(write: (s: string) => void, width = 30) {
	return {
		update(done: number, total: number) {
			const filled = Math.round((done / total) * width);
			write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
		},
		clear() {
			write(`\r${' '.repeat(width + 24)}\r`);
		}
	};
}

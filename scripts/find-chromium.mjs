import { existsSync } from 'node:fs';

/** First Chromium binary that exists: $CHROMIUM_PATH, then Debian's locations. */
export function findChromium() {
	const candidates = [
		process.env.CHROMIUM_PATH,
		'/usr/lib/chromium/chromium', // avoids the wrapper script's warning
		'/usr/bin/chromium',
		'/usr/bin/chromium-browser',
		'/usr/bin/google-chrome'
	].filter(Boolean);
	return candidates.find((p) => existsSync(p)) ?? null;
}

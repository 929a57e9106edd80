// Makes sure a Chromium for the browser tests exists; never downloads a browser of its own.
// Order: $CHROMIUM_PATH, Debian's chromium, then `apt-get install chromium` when running as root.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { findChromium } from './find-chromium.mjs';

const found = findChromium();
if (found) {
	console.log(`[browser] using Chromium at ${found}`);
	process.exit(0);
}
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (isRoot && hasApt) {
	console.log('[browser] no Chromium found; installing Debian package "chromium" with apt-get …');
	try {
		execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
			stdio: 'inherit'
		});
	} catch {
		// fall through to the message below
	}
	const after = findChromium();
	if (after) {
		console.log(`[browser] installed Chromium at ${after}`);
		process.exit(0);
	}
}
console.error(
	'[browser] No Chromium found for the real-browser tests.\n' +
		'  Install one (Debian/Ubuntu: `sudo apt-get install chromium`) or point CHROMIUM_PATH at a Chromium/Chrome binary,\n' +
		'  then run `npm test` again. The browser tests are never skipped.'
);
process.exit(1);

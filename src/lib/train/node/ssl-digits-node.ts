/** Node only (CLI, bench, tests): read the digits files from the repository's static/data-ssl folder. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DIGITS_FILES, DIGITS_FOLDER, digitsLoaded, getDigits, provideDigits, type DigitsImages } from '../ssl-digits';

export function loadDigitsFromDisk(root = process.cwd()): DigitsImages {
	if (digitsLoaded()) return getDigits();
	const dir = resolve(root, 'static', DIGITS_FOLDER);
	return provideDigits(readFileSync(resolve(dir, DIGITS_FILES.images)), readFileSync(resolve(dir, DIGITS_FILES.labels)));
}

// `npm run probe -- FILE [options]` (see --help): runs the CLI from its JavaScript bundle (built on first use by
// scripts/probe-cli/bundle.mjs). `npx tsx scripts/probe-cli.ts` runs the same CLI from the TypeScript sources, and
// is what this falls back to, with a note, when the bundle cannot be built (e.g. a read-only checkout).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { probeCliBundle } from './probe-cli/bundle.mjs';

let bundle = null;
try {
	bundle = probeCliBundle();
} catch (e) {
	const lines = String(e instanceof Error ? e.message : e).split('\n');
	const why = lines.find((l) => /\b(Error|E[A-Z]{3,})\b/.test(l)) ?? lines.find((l) => l.trim()) ?? 'unknown error';
	process.stderr.write(`probe: note: could not build the CLI bundle (${why.trim()}); running the TypeScript sources instead (slower start-up)\n`);
}
if (bundle) {
	const { main } = await import(pathToFileURL(join(bundle, 'probe-cli.mjs')).href);
	process.exitCode = await main(process.argv.slice(2), {
		stdout: (s) => process.stdout.write(s),
		stderr: (s) => process.stderr.write(s),
		stderrIsTTY: Boolean(process.stderr.isTTY)
	});
} else {
	const sources = join(dirname(fileURLToPath(import.meta.url)), 'probe-cli.ts');
	const r = spawnSync(process.execPath, [...process.execArgv, '--import', 'tsx', sources, ...process.argv.slice(2)], { stdio: 'inherit' });
	process.exitCode = r.status ?? 1;
}

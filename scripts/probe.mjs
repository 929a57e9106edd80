// `npm run probe -- FILE [options]` (see --help): runs the CLI from its JavaScript bundle (built on first use by
// scripts/probe-cli/bundle.mjs). `npx tsx scripts/probe-cli.ts` runs the same CLI from the TypeScript sources.
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { probeCliBundle } from './probe-cli/bundle.mjs';

const { main } = await import(pathToFileURL(join(probeCliBundle(), 'probe-cli.mjs')).href);
process.exitCode = await main(process.argv.slice(2), {
	stdout: (s) => process.stdout.write(s),
	stderr: (s) => process.stderr.write(s),
	stderrIsTTY: Boolean(process.stderr.isTTY)
});

// Command-line probe: `npm run -s probe -- FILE [options]` (see --help). Thin wrapper; the math is in src/lib/probe.
import { main } from './probe-cli/main';

process.exitCode = await main(process.argv.slice(2), {
	stdout: (s) => process.stdout.write(s),
	stderr: (s) => process.stderr.write(s),
	stderrIsTTY: Boolean(process.stderr.isTTY)
});

// Build step: content/data/grokking-sweep.json → static/data/grokking-trajectories.json (trimmed for the browser).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extractTrajectories } from '../src/lib/content/trajectory-extract';
import { extractShapes } from '../src/lib/content/shapes-extract';
import { SHAPE_SOURCES } from '../src/lib/content/shape-sources';
import { extractSsl, SSL_GROUPS } from '../src/lib/content/ssl-extract';
import { extractRescue } from '../src/lib/content/rescue-extract';

const doc = JSON.parse(readFileSync('content/data/grokking-sweep.json', 'utf8'));
mkdirSync('static/data', { recursive: true });
writeFileSync('static/data/grokking-trajectories.json', JSON.stringify(extractTrajectories(doc)));

// Shapes figure: every run file listed in SHAPE_SOURCES → static/data/shapes-trajectories.json, tags recomputed.
const shapeDocs = Object.fromEntries(
	SHAPE_SOURCES.filter((s) => existsSync(`content/data/${s.file}`)).map((s) => [s.file, JSON.parse(readFileSync(`content/data/${s.file}`, 'utf8'))])
);
writeFileSync('static/data/shapes-trajectories.json', JSON.stringify(extractShapes(SHAPE_SOURCES, shapeDocs)));
// The forecast study for the forecast figure (fetched at run time, so it stays out of the shared JS chunks).
writeFileSync('static/data/forecast-fit.json', JSON.stringify(JSON.parse(readFileSync('content/data/forecast-fit.json', 'utf8'))));
// The SSL figure's runs: content/data/ssl-{synthetic,digits,tau}.json → static/data/ssl-trajectories.json.
writeFileSync(
	'static/data/ssl-trajectories.json',
	JSON.stringify(Object.fromEntries(SSL_GROUPS.map((g) => [g, extractSsl(JSON.parse(readFileSync(`content/data/ssl-${g}.json`, 'utf8')))])))
);
// The intervention figure's runs (content/12-intervention.md): weight decay switched on at a step.
if (existsSync('content/data/grokking-rescue.json')) {
	const rescue = JSON.parse(readFileSync('content/data/grokking-rescue.json', 'utf8'));
	writeFileSync('static/data/grokking-rescue.json', JSON.stringify(extractRescue(rescue)));
}

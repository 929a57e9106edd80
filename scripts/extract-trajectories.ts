// Build step: content/data/grokking-sweep.json → static/data/grokking-trajectories.json (trimmed for the browser).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extractTrajectories } from '../src/lib/content/trajectory-extract';
import { extractSsl, SSL_GROUPS } from '../src/lib/content/ssl-extract';

const doc = JSON.parse(readFileSync('content/data/grokking-sweep.json', 'utf8'));
mkdirSync('static/data', { recursive: true });
writeFileSync('static/data/grokking-trajectories.json', JSON.stringify(extractTrajectories(doc)));

// The SSL figure's runs: content/data/ssl-{synthetic,digits,tau}.json → static/data/ssl-trajectories.json.
writeFileSync(
	'static/data/ssl-trajectories.json',
	JSON.stringify(Object.fromEntries(SSL_GROUPS.map((g) => [g, extractSsl(JSON.parse(readFileSync(`content/data/ssl-${g}.json`, 'utf8')))])))
);

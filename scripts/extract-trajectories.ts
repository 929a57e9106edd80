// Build step: content/data/grokking-sweep.json → static/data/grokking-trajectories.json (trimmed for the browser).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extractTrajectories } from '../src/lib/content/trajectory-extract';

const doc = JSON.parse(readFileSync('content/data/grokking-sweep.json', 'utf8'));
mkdirSync('static/data', { recursive: true });
writeFileSync('static/data/grokking-trajectories.json', JSON.stringify(extractTrajectories(doc)));
// The forecast study for the forecast figure (fetched at run time, so it stays out of the shared JS chunks).
writeFileSync('static/data/forecast-fit.json', JSON.stringify(JSON.parse(readFileSync('content/data/forecast-fit.json', 'utf8'))));

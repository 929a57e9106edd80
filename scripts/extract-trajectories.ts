// Build step: content/data/grokking-sweep.json → static/data/grokking-trajectories.json (trimmed for the browser).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extractTrajectories } from '../src/lib/content/trajectory-extract';
import { extractRescue } from '../src/lib/content/rescue-extract';

const doc = JSON.parse(readFileSync('content/data/grokking-sweep.json', 'utf8'));
mkdirSync('static/data', { recursive: true });
writeFileSync('static/data/grokking-trajectories.json', JSON.stringify(extractTrajectories(doc)));

// The intervention figure's runs (content/12-intervention.md): weight decay switched on at a step.
if (existsSync('content/data/grokking-rescue.json')) {
	const rescue = JSON.parse(readFileSync('content/data/grokking-rescue.json', 'utf8'));
	writeFileSync('static/data/grokking-rescue.json', JSON.stringify(extractRescue(rescue)));
}

// Build step: content/data/sae-lottery-trace.json → static/data/lottery.json (the lottery figure's runs).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extractLottery } from '../src/lib/content/lottery-extract';

const src = 'content/data/sae-lottery-trace.json';
if (!existsSync(src)) throw new Error(`${src} is missing: run npm run study:lottery -- trace`);
mkdirSync('static/data', { recursive: true });
writeFileSync('static/data/lottery.json', JSON.stringify(extractLottery(JSON.parse(readFileSync(src, 'utf8')))));

/**
 * The "why" is readable from a clone: every `docs/theory.md §n` reference in the repository names a section that
 * exists, the notes keep their fixed numbering §1–§10, and no file points at a path outside the repository.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const DIRS = ['src', 'scripts', 'content', 'docs', 'tests'];
const ROOT_FILES = ['README.md', 'package.json', 'vite.config.ts', 'svelte.config.js', 'tsconfig.json'];
const TEXT = /\.(ts|js|mjs|svelte|md|json|css|html)$/;
const SKIP = new Set(['node_modules', 'output', '.svelte-kit', 'build']);

function walk(dir: string, out: string[] = []): string[] {
	let names: string[];
	try {
		names = readdirSync(dir);
	} catch {
		return out;
	}
	for (const name of names) {
		if (SKIP.has(name)) continue;
		const p = join(dir, name);
		const st = statSync(p);
		if (st.isDirectory()) walk(p, out);
		else if (TEXT.test(name) && st.size < 2_000_000) out.push(p);
	}
	return out;
}

const files = [...DIRS.flatMap((d) => walk(join(ROOT, d))), ...ROOT_FILES.map((f) => join(ROOT, f))].filter((f) => {
	try {
		return statSync(f).isFile();
	} catch {
		return false;
	}
});
const theory = readFileSync(join(ROOT, 'docs/theory.md'), 'utf8');
const sections = [...theory.matchAll(/^## (\d+)\. (.+)$/gm)].map((m) => ({ n: Number(m[1]), title: m[2] }));

/** Section numbers in a reference tail such as "§1–4", "§2, §4", "§3 caveat". */
function numbersIn(tail: string): number[] {
	const out: number[] = [];
	for (const m of tail.matchAll(/§\s*(\d+)(?:\s*[–-]\s*§?(\d+))?/g)) {
		const a = Number(m[1]);
		const b = m[2] ? Number(m[2]) : a;
		for (let i = a; i <= b; i++) out.push(i);
	}
	return out;
}

describe('docs/theory.md', () => {
	it('has sections §1–§10 in order, the numbering code comments rely on', () => {
		expect(sections.map((s) => s.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
		expect(sections[0].title).toMatch(/probe/i);
		expect(sections[1].title).toMatch(/bifurcation/i);
		expect(sections[2].title).toMatch(/β/);
		expect(sections[6].title).toMatch(/reference values/i);
	});

	it('every "theory.md §n" reference in the repository names an existing section', () => {
		const known = new Set(sections.map((s) => s.n));
		const bad: string[] = [];
		for (const f of files) {
			const text = readFileSync(f, 'utf8');
			for (const m of text.matchAll(/theory\.md`?\)?\s*((?:,?\s*§\s*\d+(?:\s*[–-]\s*§?\d+)?)+)/g)) {
				for (const n of numbersIn(m[1])) if (!known.has(n)) bad.push(`${relative(ROOT, f)}: §${n}`);
			}
		}
		expect(bad).toEqual([]);
	});

	it('no file names a path or a document outside the repository (the spec and toolchain notes included)', () => {
		const bad = files
			.filter((f) => !f.endsWith('theory-refs.spec.ts'))
			.filter((f) => /\/work\/(shared|main|wt)\b|\.\.\/shared\/|\bscience\.md\b|\bbrowser\.md\b/.test(readFileSync(f, 'utf8')))
			.map((f) => relative(ROOT, f));
		expect(bad).toEqual([]);
	});
});

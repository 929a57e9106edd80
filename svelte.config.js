import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// PITCHFORK_BUILD lets two builds run side by side (e.g. `PITCHFORK_BUILD=build-lab npm run build`); default `build`.
const out = process.env.PITCHFORK_BUILD || 'build';

/** @type {import('@sveltejs/kit').Config} */
export default {
	preprocess: vitePreprocess(),
	kit: {
		outDir: out === 'build' ? '.svelte-kit' : `.svelte-kit-${out}`,
		adapter: adapter({ pages: out, assets: out, fallback: undefined, strict: true }),
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' }
	}
};

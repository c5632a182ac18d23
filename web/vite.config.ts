import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parse } from '@formatjs/icu-messageformat-parser';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { hasSyntax } from '../src/domain/i18n/translate.ts';

const require = createRequire(import.meta.url);

/**
 * The message catalogs (src/domain/i18n/locales/<language>/<part>.json) compiled at build time: each ICU message
 * with an argument becomes its syntax tree, so the browser formats it without the ICU parser (about
 * 7 KB gzip less on the first screen); plain text stays text. A message that does not parse fails
 * the build, naming its key.
 */
function compiledCatalogs(): Plugin {
  return {
    name: 'as-written:compiled-catalogs',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]src[\\/]domain[\\/]i18n[\\/]locales[\\/][^\\/]+[\\/][^\\/]+\.json$/.test(id)) return null;
      const catalog = JSON.parse(code) as Record<string, string>;
      const compiled: Record<string, unknown> = {};
      for (const [key, message] of Object.entries(catalog)) {
        try {
          compiled[key] = hasSyntax(message) ? parse(message, { ignoreTag: true }) : message;
        } catch (error) {
          throw new Error(`${id}: the message "${key}" is not valid ICU: ${(error as Error).message}`);
        }
      }
      return { code: JSON.stringify(compiled), map: null };
    },
  };
}

// The web app is built into dist/web and served by the Fastify server in production; during
// development `npm run dev:web` proxies /api to a server on :3000.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [compiledCatalogs(), react()],
  resolve: {
    alias: {
      // Messages arrive compiled (above): the formatter's parser is never called in the browser.
      '@formatjs/icu-messageformat-parser': join(
        dirname(require.resolve('@formatjs/icu-messageformat-parser')),
        'no-parser.js',
      ),
    },
  },
  json: { stringify: true },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // A catalog part's chunk is named for its language and part ("catalog.es.app.…"), so the
        // bench can count the active language's first-screen parts (bench/web.bench.ts).
        chunkFileNames: (chunk) => {
          const part = /[\\/]i18n[\\/]locales[\\/]([^\\/]+)[\\/]([^\\/]+)\.json$/.exec(
            chunk.facadeModuleId ?? '',
          );
          return part ? `assets/catalog.${part[1]}.${part[2]}.[hash].js` : 'assets/[name]-[hash].js';
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});

import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { access } from './auth/access.ts';

/** Where `vite build` puts the web app. */
export const WEB_DIST = resolve(import.meta.dirname, '../../dist/web');

export function webBuildExists(dir = WEB_DIST): boolean {
  return existsSync(join(dir, 'index.html'));
}

/**
 * Serve the built web app from the same server: hashed assets with a long cache, everything else
 * that is not /api gets index.html (the app routes in the browser). Files are only ever served as
 * what they are; nothing a user uploads lives here.
 */
export async function registerWebApp(app: FastifyInstance, dir = WEB_DIST) {
  await app.register(fastifyStatic, { root: dir, serve: false });
  app.get('/*', { config: { access: access.public }, schema: { hide: true } }, async (request, reply) => {
    const path = (request.params as { '*': string })['*'] ?? '';
    if (path.startsWith('api/')) {
      return reply
        .status(404)
        .send({ error: { code: 'not_found', message: `No route GET /${path.split('?')[0]}` } });
    }
    if (!webBuildExists(dir)) {
      return reply.status(503).send({
        error: {
          code: 'unavailable',
          message: 'The web app is not built yet; run npm run build:web (npm start does it for you)',
        },
      });
    }
    const file = path.split('?')[0]!;
    if (file && !file.includes('..') && existsSync(join(dir, file)) && !file.endsWith('/')) {
      const immutable = file.startsWith('assets/');
      return reply.sendFile(file, { maxAge: immutable ? '365d' : 0, immutable });
    }
    return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html', { maxAge: 0 });
  });
}

#!/usr/bin/env node
// Entry point for `as-written` and `npm start`. The CLI is TypeScript run through tsx's ESM loader,
// so there is no build step between a clone and a running server.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');

#!/usr/bin/env node
// Runs the precompiled CLI (dist/cli, built on `npm install`/`npm start`/`npm test` by scripts/ensure-ready.mjs)
// when it matches the sources, and the TypeScript sources through tsx otherwise (a checkout being edited).
import { CLI_ENTRY, cliBuildIsFresh } from '../scripts/build-cli.mjs';

if (cliBuildIsFresh()) {
  await import(CLI_ENTRY);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}

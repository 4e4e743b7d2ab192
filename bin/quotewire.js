#!/usr/bin/env node
// Entry for `npx quotewire` and `npm start`: registers the TypeScript loader, then runs the CLI.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');

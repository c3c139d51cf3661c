#!/usr/bin/env node
// The installed CLI: loads the TypeScript sources through tsx (no build step for the crawler).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../crawler/cli.ts');
process.exitCode = await main(process.argv.slice(2));

#!/usr/bin/env node
import { main } from './main.js';

const code = await main();
// Flush stdout before exiting: a report can be megabytes on a pipe.
process.stdout.write('', () => process.exit(code));

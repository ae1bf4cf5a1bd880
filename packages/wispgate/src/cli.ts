#!/usr/bin/env node
import { runMain } from '@wispsync/core/cli';
import { wispgate } from './definition.js';

await runMain(wispgate);

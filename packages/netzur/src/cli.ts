#!/usr/bin/env node
import { runMain } from '@wispsync/core/cli';
import { netzur } from './definition.js';

await runMain(netzur);

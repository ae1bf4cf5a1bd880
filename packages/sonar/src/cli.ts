#!/usr/bin/env node
import { runMain } from '@wispsync/core/cli';
import { sonar } from './definition.js';

await runMain(sonar);

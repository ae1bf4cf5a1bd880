#!/usr/bin/env node
import { runMain } from '@wispsync/core/cli';
import { powercode } from './definition.js';

await runMain(powercode);

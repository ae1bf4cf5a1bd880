#!/usr/bin/env node
import { runMain } from '@wispsync/core/cli';
import { splynx } from './definition.js';

await runMain(splynx);

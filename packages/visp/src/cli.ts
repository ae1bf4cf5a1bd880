#!/usr/bin/env node
import { runMain } from '@wispsync/core/cli';
import { visp } from './definition.js';

await runMain(visp);

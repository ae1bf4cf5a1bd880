#!/usr/bin/env node
import { runMain } from '@wispsync/core/cli';
import { mikrotik } from './definition.js';

await runMain(mikrotik);

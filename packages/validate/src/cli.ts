#!/usr/bin/env node
import { exitWith } from '@wispsync/core';
import { main } from './main.js';

await exitWith(main());

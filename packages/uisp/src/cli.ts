import { runMain } from '@wispsync/core/cli';
import { uisp } from './definition.js';

await runMain(uisp);

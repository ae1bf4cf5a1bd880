import type { IntegrationDefinition } from '@wispsync/core';
import { mikrotik } from '@wispsync/mikrotik';
import { netzur } from '@wispsync/netzur';
import { powercode } from '@wispsync/powercode';
import { sonar } from '@wispsync/sonar';
import { splynx } from '@wispsync/splynx';
import { uisp } from '@wispsync/uisp';
import { visp } from '@wispsync/visp';
import { wispgate } from '@wispsync/wispgate';

/**
 * Every tool the doctor knows, in LibreQoS's integration order. Each package's index exports its
 * definition; adding a tool is one import and one entry here (plus the package.json dependency).
 */
export const INTEGRATIONS: readonly IntegrationDefinition<unknown>[] = [
  uisp,
  splynx,
  visp,
  netzur,
  powercode,
  sonar,
  wispgate,
  mikrotik,
] as IntegrationDefinition<never>[] as IntegrationDefinition<unknown>[];

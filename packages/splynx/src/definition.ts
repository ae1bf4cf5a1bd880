import { defineIntegration, STRATEGIES } from '@wispsync/core';
import { fetchSplynx, probeSplynx, type SplynxRaw } from './api.js';
import { mapSplynx } from './map.js';
import { configSchema, SECTION } from './schema.js';
import { VERSION } from './version.js';

export const splynx = defineIntegration<SplynxRaw>({
  name: 'splynx',
  displayName: 'Splynx',
  version: VERSION,
  description:
    'Read tariffs, customers, internet services and the monitoring hierarchy from Splynx and write LibreQoS network.json and ShapedDevices.csv.',
  schema: configSchema,
  strategy: { allowed: STRATEGIES, configKey: [SECTION, 'strategy'] },
  fetch: fetchSplynx,
  probe: probeSplynx,
  map: mapSplynx,
});

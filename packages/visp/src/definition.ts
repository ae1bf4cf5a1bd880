import { defineIntegration, STRATEGIES } from '@wispsync/core';
import { fetchVisp } from './api.js';
import { mapVisp } from './map.js';
import { probeVisp } from './probe.js';
import type { VispRaw } from './records.js';
import { configSchema, SECTION } from './schema.js';
import { VERSION } from './version.js';

export const visp = defineIntegration<VispRaw>({
  name: 'visp',
  displayName: 'VISP',
  version: VERSION,
  description:
    'Read subscribers, services and equipment from VISP (GraphQL) and write LibreQoS network.json and ShapedDevices.csv.',
  schema: configSchema,
  strategy: { allowed: STRATEGIES, configKey: [SECTION, 'strategy'] },
  secretKeys: [
    [SECTION, 'client_secret'],
    [SECTION, 'password'],
  ],
  fetch: fetchVisp,
  probe: probeVisp,
  map: mapVisp,
});

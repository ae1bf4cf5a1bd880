import { defineIntegration, STRATEGIES } from '@wispsync/core';
import { fetchMikrotik } from './api.js';
import { mapMikrotik } from './map.js';
import { probeMikrotik } from './probe.js';
import type { MikrotikRaw } from './raw.js';
import { configSchema, SECTION } from './schema.js';
import { VERSION } from './version.js';

export const mikrotik = defineIntegration<MikrotikRaw>({
  name: 'mikrotik',
  displayName: 'MikroTik',
  version: VERSION,
  description:
    'Read PPP, hotspot and DHCP subscribers from MikroTik RouterOS routers and write LibreQoS network.json and ShapedDevices.csv.',
  schema: configSchema,
  strategy: { allowed: STRATEGIES, configKey: [SECTION, 'strategy'] },
  fetch: fetchMikrotik,
  probe: probeMikrotik,
  map: mapMikrotik,
});

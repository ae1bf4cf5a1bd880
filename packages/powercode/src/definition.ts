import { defineIntegration } from '@wispsync/core';
import { fetchPowercode, type PowercodeData, probePowercode } from './api.js';
import { mapPowercode } from './map.js';
import { configSchema } from './schema.js';
import { VERSION } from './version.js';

export const powercode = defineIntegration<PowercodeData>({
  name: 'powercode',
  displayName: 'Powercode',
  version: VERSION,
  description:
    'Read customers, equipment and services from Powercode and write LibreQoS network.json and ShapedDevices.csv.',
  schema: configSchema,
  fetch: fetchPowercode,
  probe: probePowercode,
  map: mapPowercode,
});

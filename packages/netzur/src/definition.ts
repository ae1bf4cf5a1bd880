import { defineIntegration } from '@wispsync/core';
import { fetchNetzur, type NetzurExport, probeNetzur } from './api.js';
import { mapNetzur } from './map.js';
import { configSchema } from './schema.js';
import { VERSION } from './version.js';

export const netzur = defineIntegration<NetzurExport>({
  name: 'netzur',
  displayName: 'Netzur',
  version: VERSION,
  description:
    'Read zones and customers from a Netzur export and write LibreQoS network.json and ShapedDevices.csv.',
  schema: configSchema,
  fetch: fetchNetzur,
  probe: probeNetzur,
  map: mapNetzur,
});

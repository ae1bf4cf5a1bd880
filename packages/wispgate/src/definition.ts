import { defineIntegration } from '@wispsync/core';
import { fetchRows, probeWispgate } from './api.js';
import { readKeptNetwork } from './kept.js';
import { mapWispgate, type WispgateData } from './map.js';
import { configSchema } from './schema.js';
import { VERSION } from './version.js';

export const wispgate = defineIntegration<WispgateData>({
  name: 'wispgate',
  displayName: 'WISPGate',
  version: VERSION,
  description: 'Read shaped-device rows from WISPGate and write LibreQoS network.json and ShapedDevices.csv.',
  schema: configSchema,
  fetch: async (context) => ({
    rows: await fetchRows(context),
    kept: await readKeptNetwork(context.common, context.outputDir),
  }),
  probe: probeWispgate,
  map: mapWispgate,
});

import { defineIntegration, STRATEGIES } from '@wispsync/core';
import { fetchUisp, probeUisp, type UispRaw } from './api.js';
import { DOT_FILE } from './dot.js';
import { dotFiles, mapUisp } from './map.js';
import { configSchema, SECTION } from './schema.js';
import { VERSION } from './version.js';

export const uisp = defineIntegration<UispRaw>({
  name: 'uisp',
  displayName: 'UISP',
  version: VERSION,
  description:
    'Read sites, devices and data-links from UISP and write LibreQoS network.json and ShapedDevices.csv (and graph.dot for the full strategy).',
  schema: configSchema,
  strategy: { allowed: STRATEGIES, configKey: [SECTION, 'strategy'] },
  suspendedStrategyKey: [SECTION, 'suspended_strategy'],
  secretKeys: [[SECTION, 'token']],
  fetch: fetchUisp,
  probe: probeUisp,
  map: mapUisp,
  extraFiles: ({ inventory }) => {
    const render = dotFiles.get(inventory);
    return render === undefined ? [] : [{ name: DOT_FILE, content: render() }];
  },
});

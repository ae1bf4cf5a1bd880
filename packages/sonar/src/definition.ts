import { defineIntegration, type Strategy } from '@wispsync/core';
import { fetchSonar, probeSonar, type SonarRaw } from './api.js';
import { mapSonar } from './map.js';
import { configSchema, TOPOLOGY_SECTION } from './schema.js';
import { VERSION } from './version.js';

/** LibreQoS's `sonar_strategy()`: `flat` stays flat, every other compile mode is `full`. */
export function sonarStrategy(compileMode: string): Strategy {
  return compileMode.trim().toLowerCase() === 'flat' ? 'flat' : 'full';
}

export const sonar = defineIntegration<SonarRaw>({
  name: 'sonar',
  displayName: 'Sonar',
  version: VERSION,
  description:
    'Read accounts, network sites and access points from Sonar (GraphQL), ask each access point for its stations over SNMP, and write LibreQoS network.json and ShapedDevices.csv.',
  schema: configSchema,
  strategy: {
    allowed: ['flat', 'full'],
    configKey: [TOPOLOGY_SECTION, 'compile_mode'],
    fromConfig: sonarStrategy,
  },
  fetch: fetchSonar,
  probe: probeSonar,
  map: mapSonar,
});

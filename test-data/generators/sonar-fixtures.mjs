// Writes test-data/sonar/<scenario>/{sonar.json, snmp.json} from the scenario builders:
// `node test-data/generators/sonar-fixtures.mjs` (then review the diff and the golden outputs).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { libreqosExampleScenario } from './sonar-example.mjs';
import { basicScenario } from './sonar-scenarios.mjs';

const root = join(import.meta.dirname, '../sonar');
for (const [name, build] of [
  ['basic', basicScenario],
  ['libreqos-example', libreqosExampleScenario],
]) {
  const { db, aps } = build();
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'sonar.json'), `${JSON.stringify(db, null, 2)}\n`);
  writeFileSync(join(dir, 'snmp.json'), `${JSON.stringify(aps, null, 2)}\n`);
}

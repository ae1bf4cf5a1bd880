import type { Strategy } from '../config/index.js';
import { countPlan, type PlanNode, type ShapingPlan } from '../model/index.js';
import type { IntegrationDefinition } from './define.js';

export const PLAN_JSON_SCHEMA_VERSION = 1;

/** The document `--json` prints. Its JSON Schema is PLAN_JSON_SCHEMA (docs/json-output.md). */
export interface PlanJson {
  schemaVersion: number;
  tool: string;
  version: string;
  source: string;
  strategy: Strategy;
  summary: { circuits: number; devices: number; nodes: number; warnings: number };
  skipped: Record<string, number>;
  warnings: string[];
  network: PlanNodeJson[];
  circuits: ShapingPlan['circuits'];
}

export interface PlanNodeJson {
  name: string;
  id: string | null;
  type: 'site' | 'ap';
  downloadMbps: number;
  uploadMbps: number;
  latitude: number | null;
  longitude: number | null;
  children: PlanNodeJson[];
}

export function planToJson(input: {
  definition: IntegrationDefinition<unknown>;
  strategy: Strategy;
  plan: ShapingPlan;
  skipped: Record<string, number>;
  warnings: string[];
}): PlanJson {
  const counts = countPlan(input.plan);
  return {
    schemaVersion: PLAN_JSON_SCHEMA_VERSION,
    tool: `${input.definition.name}-integration`,
    version: input.definition.version,
    source: input.plan.source,
    strategy: input.strategy,
    summary: { ...counts, warnings: input.warnings.length },
    skipped: input.skipped,
    warnings: input.warnings,
    network: input.plan.nodes.map(nodeToJson),
    circuits: input.plan.circuits,
  };
}

function nodeToJson(node: PlanNode): PlanNodeJson {
  return {
    name: node.name,
    id: node.id ?? null,
    type: node.type,
    downloadMbps: node.downloadMbps,
    uploadMbps: node.uploadMbps,
    latitude: node.latitude ?? null,
    longitude: node.longitude ?? null,
    children: node.children.map(nodeToJson),
  };
}

const nodeSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'id', 'type', 'downloadMbps', 'uploadMbps', 'latitude', 'longitude', 'children'],
  properties: {
    name: { type: 'string', minLength: 1 },
    id: { type: ['string', 'null'] },
    type: { enum: ['site', 'ap'] },
    downloadMbps: { type: 'integer', minimum: 1 },
    uploadMbps: { type: 'integer', minimum: 1 },
    latitude: { type: ['number', 'null'] },
    longitude: { type: ['number', 'null'] },
    children: { type: 'array', items: { $ref: '#/$defs/node' } },
  },
} as const;

/** JSON Schema (draft 2020-12 subset that ajv's default draft-07 mode accepts). */
export const PLAN_JSON_SCHEMA = {
  $id: 'https://wispsync.invalid/schema/plan-v1.json',
  title: 'wispsync --json output, schema version 1',
  type: 'object',
  additionalProperties: false,
  required: [
    'schemaVersion',
    'tool',
    'version',
    'source',
    'strategy',
    'summary',
    'skipped',
    'warnings',
    'network',
    'circuits',
  ],
  $defs: {
    node: nodeSchema,
    rate: { type: 'number', minimum: 0.1 },
  },
  properties: {
    schemaVersion: { const: 1 },
    tool: { type: 'string' },
    version: { type: 'string' },
    source: { type: 'string' },
    strategy: { enum: ['flat', 'ap_only', 'ap_site', 'full'] },
    summary: {
      type: 'object',
      additionalProperties: false,
      required: ['circuits', 'devices', 'nodes', 'warnings'],
      properties: {
        circuits: { type: 'integer', minimum: 0 },
        devices: { type: 'integer', minimum: 0 },
        nodes: { type: 'integer', minimum: 0 },
        warnings: { type: 'integer', minimum: 0 },
      },
    },
    skipped: { type: 'object', additionalProperties: { type: 'integer', minimum: 1 } },
    warnings: { type: 'array', items: { type: 'string' } },
    network: { type: 'array', items: { $ref: '#/$defs/node' } },
    circuits: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: [
          'id',
          'name',
          'parentNode',
          'parentNodeId',
          'downloadMin',
          'uploadMin',
          'downloadMax',
          'uploadMax',
          'comment',
          'sqm',
          'devices',
        ],
        properties: {
          id: { type: 'string', minLength: 1 },
          name: { type: 'string', minLength: 1 },
          parentNode: { type: 'string' },
          parentNodeId: { type: 'string' },
          downloadMin: { $ref: '#/$defs/rate' },
          uploadMin: { $ref: '#/$defs/rate' },
          downloadMax: { $ref: '#/$defs/rate' },
          uploadMax: { $ref: '#/$defs/rate' },
          comment: { type: 'string' },
          sqm: { type: 'string' },
          devices: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['id', 'name', 'mac', 'ipv4', 'ipv6'],
              properties: {
                id: { type: 'string', minLength: 1 },
                name: { type: 'string', minLength: 1 },
                mac: { type: 'string' },
                ipv4: { type: 'array', items: { type: 'string' } },
                ipv6: { type: 'array', items: { type: 'string' } },
              },
            },
          },
        },
      },
    },
  },
} as const;

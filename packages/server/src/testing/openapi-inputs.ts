import { randomUUID } from 'node:crypto';

/**
 * Plausible and hostile inputs built from the OpenAPI document the app serves, so route-walking
 * tests cover every route and field, including ones added after the test was written.
 */

export interface JsonSchema {
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minItems?: number;
  minLength?: number;
  minimum?: number;
  $ref?: string;
}

export interface Operation {
  parameters?: { in: 'path' | 'query' | 'header'; name: string; required?: boolean; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

export type Location = 'params' | 'querystring' | 'body';

/** One hostile value put in one field; `field` is the dotted path the error must name. */
export interface BadInput {
  location: Location;
  field: string;
  label: string;
  value: unknown;
}

type Kind = 'id' | 'date' | 'instant' | 'text' | 'integer' | 'other';

const idName = /(^id$|Id$|Ids$)/;
const dateName = /(^date$|Date$|^validFrom$|^validTo$|On$|^on$)/;
const instantName = /(^at$|At$|^start$|^end$|^from$|^to$)/;

/** What a leaf holds, from its format first and from its name when the schema says nothing. */
function kindOf(schema: JsonSchema, name: string): Kind {
  if (schema.enum) return 'other';
  if (schema.type === 'integer') return 'integer';
  if (schema.type !== 'string') return 'other';
  if (schema.format === 'uuid') return 'id';
  if (schema.format === 'date') return 'date';
  if (schema.format === 'date-time') return 'instant';
  if (idName.test(name)) return 'id';
  if (dateName.test(name)) return 'date';
  if (instantName.test(name)) return 'instant';
  return 'text';
}

/** The `variant`-th alternative of a union (the last when it has fewer), or the schema itself. */
function chosen(schema: JsonSchema, variant = 0): JsonSchema {
  const options = schema.oneOf ?? schema.anyOf;
  if (options?.length) return chosen(options[Math.min(variant, options.length - 1)]!, variant);
  if (schema.allOf?.length) {
    const properties: Record<string, JsonSchema> = {};
    for (const part of schema.allOf.map((p) => chosen(p, variant)))
      Object.assign(properties, part.properties ?? {});
    return { type: 'object', properties };
  }
  return schema;
}

/** A value of the right type for each field (not necessarily one the rules accept). */
export function sampleOf(schema: JsonSchema, name = '', variant = 0): unknown {
  const s = chosen(schema, variant);
  if (s.$ref) return undefined;
  if (s.enum) return s.enum[0];
  switch (s.type) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(s.properties ?? {}))
        value[key] = sampleOf(property, key, variant);
      return value;
    }
    case 'array':
      return s.items
        ? Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => sampleOf(s.items!, name, variant))
        : [];
    case 'integer':
    case 'number':
      return Math.max(s.minimum ?? 1, 1);
    case 'boolean':
      return false;
    case 'string':
      switch (kindOf(s, name)) {
        case 'id':
          return randomUUID();
        case 'date':
          return '2026-03-02';
        case 'instant':
          return '2026-03-02T10:00:00+01:00';
        default:
          return s.format === 'email' ? 'someone@example.fr' : 'x'.repeat(Math.max(1, s.minLength ?? 1));
      }
    default:
      return undefined;
  }
}

const hostile: Record<Exclude<Kind, 'other'>, { label: string; value: unknown }[]> = {
  text: [{ label: 'a NUL byte', value: 'a\u0000b' }],
  id: [{ label: 'a non-UUID', value: 'not-a-uuid' }],
  date: [
    { label: 'year 0000', value: '0000-01-01' },
    { label: 'year 10000', value: '10000-01-01' },
  ],
  instant: [
    { label: 'year 0000', value: '0000-01-01T10:00:00Z' },
    { label: 'year 10000', value: '10000-01-01T10:00:00Z' },
  ],
  // Every integer column is int4 (PostgreSQL integer: -2^31 to 2^31-1).
  integer: [{ label: 'an integer past int4', value: 2_147_483_648 }],
};

/** Every leaf of a sampled value, with its dotted path and the name that tells what it holds. */
function* leaves(
  schema: JsonSchema,
  path: string[],
  name: string,
  variant: number,
): Generator<{ path: string[]; kind: Kind }> {
  const s = chosen(schema, variant);
  if (s.type === 'object') {
    for (const [key, property] of Object.entries(s.properties ?? {}))
      yield* leaves(property, [...path, key], key, variant);
  } else if (s.type === 'array' && s.items) {
    yield* leaves(s.items, [...path, '0'], name, variant);
  } else if (!s.$ref) {
    yield { path, kind: kindOf(s, name) };
  }
}

function withValueAt(root: unknown, path: string[], value: unknown): unknown {
  const copy = structuredClone(root) as Record<string, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path.at(-1)!] = value;
  return copy;
}

export interface RouteInputs {
  params: Record<string, string>;
  querystring: Record<string, unknown>;
  body: unknown;
}

/** The largest number of alternatives of a union inside a schema. */
function widestUnion(schema: JsonSchema | undefined): number {
  if (!schema) return 1;
  const options = schema.oneOf ?? schema.anyOf ?? [];
  const children = [
    ...options,
    ...(schema.allOf ?? []),
    ...Object.values(schema.properties ?? {}),
    ...(schema.items ? [schema.items] : []),
  ];
  return Math.max(options.length, 1, ...children.map(widestUnion));
}

/** A plausible request for an operation: every parameter and body field filled. */
export function sampleRequest(operation: Operation, variant = 0): RouteInputs {
  const params: Record<string, string> = {};
  const querystring: Record<string, unknown> = {};
  for (const p of operation.parameters ?? []) {
    if (p.in === 'path') params[p.name] = String(sampleOf(p.schema, p.name));
    if (p.in === 'query') querystring[p.name] = sampleOf(p.schema, p.name);
  }
  const json = operation.requestBody?.content['application/json']?.schema;
  return { params, querystring, body: json ? sampleOf(json, '', variant) : undefined };
}

/** The hostile variants of a request: one bad value in one field each. */
export function* badInputs(operation: Operation): Generator<BadInput & { request: RouteInputs }> {
  const base = sampleRequest(operation);
  for (const p of operation.parameters ?? []) {
    if (p.in !== 'path' && p.in !== 'query') continue;
    const location: Location = p.in === 'path' ? 'params' : 'querystring';
    const kind = kindOf(chosen(p.schema), p.name);
    if (kind === 'other') continue;
    for (const { label, value } of hostile[kind]) {
      const request = structuredClone(base);
      request[location] = { ...request[location], [p.name]: value } as never;
      yield { location, field: p.name, label, value, request };
    }
  }
  const json = operation.requestBody?.content['application/json']?.schema;
  if (!json) return;
  // Each alternative of a union (caller: patient, correspondent, free text) is walked in turn.
  const seen = new Set<string>();
  for (let variant = 0; variant < widestUnion(json); variant++) {
    const sample = sampleRequest(operation, variant);
    for (const leaf of leaves(json, [], '', variant)) {
      const field = leaf.path.join('.');
      if (leaf.kind === 'other' || leaf.path.length === 0 || seen.has(field)) continue;
      seen.add(field);
      for (const { label, value } of hostile[leaf.kind]) {
        const request = { ...sample, body: withValueAt(sample.body, leaf.path, value) };
        yield { location: 'body', field, label, value, request };
      }
    }
  }
}

/** The URL of a request, path parameters filled and the query string encoded. */
export function urlOf(path: string, inputs: RouteInputs): string {
  const filled = path.replace(/\{(\w+)\}/g, (_m, name: string) =>
    encodeURIComponent(inputs.params[name] ?? ''),
  );
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(inputs.querystring)) {
    if (value !== undefined) query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${filled}?${text}` : filled;
}

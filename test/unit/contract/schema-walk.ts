/** Test helper: walks the JSON of an .avsc file and lists its named types and fields. */
export type Json = Record<string, unknown>;

export interface NamedTypeInfo {
  fullName: string;
  node: Json;
  file: string;
}

export interface FieldInfo {
  record: string;
  field: Json;
  file: string;
}

function fullNameOf(node: Json, enclosingNs: string | undefined): { fullName: string; ns: string | undefined } {
  const name = String(node['name']);
  if (name.includes('.')) return { fullName: name, ns: name.slice(0, name.lastIndexOf('.')) };
  const ns = typeof node['namespace'] === 'string' ? (node['namespace'] as string) : enclosingNs;
  return { fullName: ns ? `${ns}.${name}` : name, ns };
}

/** Every named type (record, enum, fixed) defined in the schema, and every record field. */
export function walkSchema(schema: unknown, file: string): { named: NamedTypeInfo[]; fields: FieldInfo[] } {
  const named: NamedTypeInfo[] = [];
  const fields: FieldInfo[] = [];
  const visit = (node: unknown, ns: string | undefined): void => {
    if (Array.isArray(node)) {
      node.forEach((n) => visit(n, ns));
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const obj = node as Json;
    const type = obj['type'];
    if (type === 'record' || type === 'enum' || type === 'fixed') {
      const { fullName, ns: inner } = fullNameOf(obj, ns);
      named.push({ fullName, node: obj, file });
      if (type === 'record') {
        for (const field of obj['fields'] as Json[]) {
          fields.push({ record: fullName, field, file });
          visit(field['type'], inner);
        }
      }
      return;
    }
    if (type === 'array') visit(obj['items'], ns);
    else if (type === 'map') visit(obj['values'], ns);
    else if (typeof type === 'object') visit(type, ns);
  };
  visit(schema, undefined);
  return { named, fields };
}

/** The type of a field without its `["null", X]` wrapper. */
export function nonNullType(type: unknown): unknown {
  if (Array.isArray(type) && type.length === 2 && type[0] === 'null') return type[1];
  return type;
}

export function logicalTypeOf(type: unknown): string | undefined {
  const t = nonNullType(type);
  return t !== null && typeof t === 'object' && !Array.isArray(t)
    ? ((t as Json)['logicalType'] as string | undefined)
    : undefined;
}

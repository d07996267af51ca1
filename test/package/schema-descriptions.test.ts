/**
 * The catalog format's JSON Schema is what editors show as hover help (yaml-language-server,
 * through the modeline `hookcat init` writes): every property of every object in it has a
 * description, and the properties a file must have say "Required.".
 */
import { describe, expect, it } from 'vitest';
import schema from '../../src/catalog/schema.json' with { type: 'json' };

interface SchemaNode {
  readonly description?: string;
  readonly properties?: { readonly [name: string]: SchemaNode };
  readonly required?: readonly string[];
  readonly items?: SchemaNode;
  readonly additionalProperties?: SchemaNode | boolean;
  readonly $defs?: { readonly [name: string]: SchemaNode };
}

/** Every property of every object schema, with its path and whether its object requires it. */
function propertiesOf(node: SchemaNode, path: string): { path: string; property: SchemaNode; required: boolean }[] {
  const found: { path: string; property: SchemaNode; required: boolean }[] = [];
  for (const [name, property] of Object.entries(node.properties ?? {})) {
    found.push({ path: `${path}/properties/${name}`, property, required: node.required?.includes(name) ?? false });
    found.push(...propertiesOf(property, `${path}/properties/${name}`));
  }
  if (node.items !== undefined) found.push(...propertiesOf(node.items, `${path}/items`));
  if (typeof node.additionalProperties === 'object') found.push(...propertiesOf(node.additionalProperties, `${path}/additionalProperties`));
  for (const [name, def] of Object.entries(node.$defs ?? {})) found.push(...propertiesOf(def, `#/$defs/${name}`));
  return found;
}

describe('the catalog format schema', () => {
  const properties = propertiesOf(schema as SchemaNode, '#');

  it('describes every property', () => {
    expect(properties.length).toBeGreaterThan(80);
    expect(properties.filter((p) => typeof p.property.description !== 'string' || p.property.description.length < 10).map((p) => p.path)).toEqual([]);
  });

  it('says which properties are required', () => {
    const wrong = properties.filter((p) => p.required !== /\bRequired\.$/.test(p.property.description ?? '')).map((p) => `${p.path} (required: ${p.required})`);
    expect(wrong).toEqual([]);
  });
});

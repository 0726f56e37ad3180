import { Kind, Type, TypeRegistry, type TUnsafe } from '@sinclair/typebox';

// A custom kind so TypeBox's own checker (used for config validation) understands string enums too.
if (!TypeRegistry.Has('StringEnum')) {
  TypeRegistry.Set('StringEnum', (schema: { enum: string[] }, value: unknown) => typeof value === 'string' && schema.enum.includes(value));
}

/** A string enum as a plain JSON Schema `enum` (reads well in OpenAPI) with its literal union type. */
export function StringEnum<const T extends readonly string[]>(
  values: T,
  options: { description?: string; default?: T[number] } = {},
): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ [Kind]: 'StringEnum', type: 'string', enum: [...values], ...options });
}

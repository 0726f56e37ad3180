import { Type, type TUnsafe } from '@sinclair/typebox';

/** A string enum as a plain JSON Schema `enum` (reads well in OpenAPI) with its literal union type. */
export function StringEnum<const T extends readonly string[]>(values: T, options: { description?: string; default?: T[number] } = {}): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}

export * from './errors.ts';
export * from './roles.ts';
export * from './units.ts';
export * from './schema.ts';

export * from './config-diff.ts';
export * from './serialize.ts';
export type * from './types.ts';

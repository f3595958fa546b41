export * from './catalog.ts';
export * from './diagnostic.ts';
export * from './format.ts';

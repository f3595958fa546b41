export * from './evidence.ts';
export * from './registry.ts';
export * from './review.ts';

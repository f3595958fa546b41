export * from './content-path.ts';
export * from './line-index.ts';
export * from './parse-json.ts';
export * from './parse-mdx.ts';
export * from './pointer-map.ts';
export * from './registry.ts';
export * from './source-text.ts';

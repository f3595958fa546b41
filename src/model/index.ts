export * from './evidence.ts';
export * from './review.ts';
export type { CatalogueEntry, Contract, ContractConfig, InfoSystem, OmItem, ScoreRule, Staff, Unit } from './registry.ts';
export type { SpecialPeriod as DesignatedSpecialPeriod } from './registry.ts';

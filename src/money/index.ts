export type { Fen } from './fen.ts';
export {
  formatYuan,
  formatYuanZh,
  InvalidYuanError,
  maxFen,
  minFen,
  parseYuan,
  percentOfFen,
  ratioOfFen,
  sumFen,
} from './fen.ts';

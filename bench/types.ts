/**
 * One benchmark figure, always beside a baseline measured in the same run, so a
 * reader sees the ratio rather than a machine-dependent absolute alone.
 */
export interface BenchResult {
  /** what was measured, e.g. "text scan, 10 KB realistic note" */
  name: string;
  value: number;
  unit: string;
  /** what the baseline is, e.g. "one pass of /@/g over the same text" */
  baseline: string;
  baselineValue: number;
  /** value / baselineValue, or the inverse where higher is better; say which in `note` */
  ratio: number;
  note?: string;
}

/** A benchmark file default-exports one of these. */
export type Bench = () => Promise<BenchResult[]>;

/** Every import is all-or-nothing: either every row is accepted, or nothing is written and each bad row is reported. */
export interface RejectedRow {
  /** 1-based line in the file, header = line 1. */
  line: number;
  reason: string;
}

export interface ImportReport {
  accepted: number;
  rejected: RejectedRow[];
}

import { createHash } from 'node:crypto';

const MODULUS = 1n << 256n;

/**
 * A table's content as one value: the sum, modulo 2^256, of the SHA-256 of each row's line in the
 * backup (its columns' text forms as JSON), with the row count. A sum does not depend on the order
 * rows are read in, so the writer (rows in primary-key order of one engine) and a restore reading
 * them back (primary-key order of another engine, whose text collation may differ) agree whenever
 * they hold the same rows.
 */
export class TableDigest {
  private sum = 0n;
  private rows = 0;

  /** Adds a row given as its line in the file: JSON.stringify of its BackupRow. */
  add(line: string) {
    const hash = createHash('sha256').update(line).digest('hex');
    this.sum = (this.sum + BigInt(`0x${hash}`)) % MODULUS;
    this.rows += 1;
  }

  value(): string {
    return `${this.rows}:${this.sum.toString(16).padStart(64, '0')}`;
  }
}

/**
 * A map that keeps at most `limit` entries, dropping the least recently used first: the kept scores
 * and definitions live in the server's memory, so each kind is bounded. A Map iterates in insertion
 * order, so re-inserting an entry on use keeps the least recently used first.
 */
export class Lru<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}

import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors';

/**
 * How many spreadsheet imports run at once. Reading a file of 100,000 rows takes a few hundred MB and
 * several seconds, and on the embedded database an import holds the only connection: a user gets one
 * import at a time and the server a few, and the rest are told to come back instead of queueing.
 */
export const IMPORT_SLOTS = { perUser: 1, total: 2 } as const;

export class ImportSlots {
  private readonly byUser = new Map<string, number>();
  private running = 0;

  constructor(private readonly limits: { perUser: number; total: number } = IMPORT_SLOTS) {}

  async run<T>(userId: string, work: () => Promise<T>): Promise<T> {
    const mine = this.byUser.get(userId) ?? 0;
    if (mine >= this.limits.perUser)
      throw new AppError(
        'RATE_LIMITED',
        'Bạn đang có một lượt nhập tệp chưa xong. Hãy đợi lượt đó xong rồi gửi lại.',
      );
    if (this.running >= this.limits.total)
      throw new AppError(
        'RATE_LIMITED',
        'Đang có quá nhiều lượt nhập tệp trên hệ thống. Vui lòng thử lại sau ít phút.',
      );
    this.byUser.set(userId, mine + 1);
    this.running++;
    try {
      return await work();
    } finally {
      this.running--;
      const left = (this.byUser.get(userId) ?? 1) - 1;
      if (left > 0) this.byUser.set(userId, left);
      else this.byUser.delete(userId);
    }
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The import limiter of this server (one per app, so that test apps do not share it). */
    importSlots: ImportSlots;
  }
}

export function registerImportSlots(app: FastifyInstance) {
  app.decorate('importSlots', new ImportSlots());
}

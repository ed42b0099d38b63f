import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../src/server/errors';
import { BuildSlots } from '../src/server/plugins/build-slots';
import type { ErrorBody } from '../src/shared/errors';
import { createTestApp, type Session, type TestContext } from './support/app';
import { createSignedInUser } from './support/scenarios';

/** A build that finishes when the test says so. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

describe('the build limiter', () => {
  it('runs two builds at once, queues one, refuses the next with BUSY and Retry-After, in order', async () => {
    const slots = new BuildSlots({ concurrency: 2, queue: 1 }, 20);
    const order: string[] = [];
    const gates = [gate(), gate(), gate()];
    const build = (i: number) =>
      slots.run(async () => {
        order.push(`start ${i}`);
        await gates[i]!.opened;
        order.push(`end ${i}`);
        return i;
      });
    const first = build(0);
    const second = build(1);
    const third = build(2);
    await Promise.resolve();
    expect(slots.load).toEqual({ running: 2, waiting: 1 });
    const refused = await build(2).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).status).toBe(503);
    expect((refused as AppError).code).toBe('BUSY');
    expect((refused as AppError).message).toMatch(/thử lại sau/);
    expect((refused as AppError).options.retryAfterSeconds).toBe(20);

    gates[1]!.open();
    expect(await second).toBe(1);
    // The freed slot went to the one waiting, not back to the pool.
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(['start 0', 'start 1', 'end 1', 'start 2']);
    expect(slots.load).toEqual({ running: 2, waiting: 0 });
    gates[0]!.open();
    gates[2]!.open();
    expect(await Promise.all([first, third])).toEqual([0, 2]);
    expect(slots.load).toEqual({ running: 0, waiting: 0 });
  });

  it('gives the slot back when a build fails, and lets a waiter whose client left go', async () => {
    const slots = new BuildSlots({ concurrency: 1, queue: 2 });
    await expect(
      slots.run(async () => {
        throw new Error('hỏng');
      }),
    ).rejects.toThrow('hỏng');
    expect(slots.load).toEqual({ running: 0, waiting: 0 });

    const release = await slots.acquire();
    const controller = new AbortController();
    const waiting = slots.acquire(controller.signal);
    expect(slots.load).toEqual({ running: 1, waiting: 1 });
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(AppError);
    expect(slots.load).toEqual({ running: 1, waiting: 0 });
    release();
    release();
    expect(slots.load).toEqual({ running: 0, waiting: 0 });
  });

  describe('on the download routes', () => {
    let ctx: TestContext;
    let session: Session;
    const missing = '5f0c8a8e-2d7b-4a57-9d5e-1c1b9a2c7e11';

    beforeAll(async () => {
      ctx = await createTestApp({ buildConcurrency: 1, buildQueue: 0 });
      session = (await createSignedInUser(ctx.app, ctx.database.db, [{ role: 'system_admin', unitId: null }]))
        .session;
    });
    afterAll(() => ctx.close());

    it('answers 503 with a Vietnamese message and Retry-After while every slot is taken', async () => {
      const urls = [
        `/api/reports/${missing}/document.docx`,
        `/api/reports/${missing}/annex.xlsx`,
        `/api/reports/${missing}/evidence.zip`,
        `/api/schedules/${missing}/document.docx`,
        `/api/schedules/${missing}/document.xlsx`,
      ];
      const release = await ctx.app.buildSlots.acquire();
      for (const url of urls) {
        const busy = await session.get(url);
        expect(busy.statusCode, url).toBe(503);
        expect(busy.headers['retry-after']).toBe('30');
        const body = busy.json<ErrorBody>();
        expect(body.code).toBe('BUSY');
        expect(body.message).toContain('Vui lòng thử lại sau ít phút');
      }
      release();
      // With the slot free the build runs (and finds nothing here), and gives its slot back.
      for (const url of urls) expect((await session.get(url)).statusCode, url).toBe(404);
      expect(ctx.app.buildSlots.load).toEqual({ running: 0, waiting: 0 });
    });
  });
});

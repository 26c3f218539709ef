import { describe, expect, it } from 'vitest';
import { SequencePool } from './sequence-pool.js';

describe('SequencePool', () => {
  it('lends each item to one caller at a time and hands returned items to waiters in order', async () => {
    const pool = new SequencePool(['a']);
    const first = await pool.acquire();
    const order: string[] = [];
    const second = pool.acquire().then((item) => order.push(`second:${item}`));
    const third = pool.acquire().then((item) => order.push(`third:${item}`));
    expect(order).toEqual([]);
    pool.release(first);
    await second;
    pool.release('a');
    await third;
    expect(order).toEqual(['second:a', 'third:a']);
  });

  it('drops a waiter whose signal aborts, so the item goes to the next one', async () => {
    const pool = new SequencePool([1]);
    const held = await pool.acquire();
    const controller = new AbortController();
    const aborted = pool.acquire(controller.signal);
    const next = pool.acquire();
    controller.abort(new Error('gone'));
    await expect(aborted).rejects.toThrow('gone');
    pool.release(held);
    await expect(next).resolves.toBe(1);
  });

  it('fails waiters and later acquires once closed', async () => {
    const pool = new SequencePool<number>([]);
    const waiting = pool.acquire();
    pool.close(new Error('disposed'));
    await expect(waiting).rejects.toThrow('disposed');
    await expect(pool.acquire()).rejects.toThrow('disposed');
  });
});

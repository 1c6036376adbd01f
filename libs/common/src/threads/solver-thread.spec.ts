import { join } from 'node:path';
import { SolverThread } from './solver-thread';

const messagePorts = () => process.getActiveResourcesInfo().filter((kind) => kind === 'MessagePort').length;

describe('SolverThread', () => {
  const script = join(__dirname, 'testing', 'double.thread');

  it('answers each call from its thread, a thrown error as a rejection, and keeps serving', async () => {
    const thread = new SolverThread<number, number>(script, __filename);
    try {
      expect(await Promise.all([1, 2, 3].map((n) => thread.run(n)))).toEqual([2, 4, 6]);
      await expect(thread.run(-1)).rejects.toThrow('negative');
      expect(await thread.run(5)).toBe(10);
    } finally {
      await thread.close();
    }
  });

  it('leaves nothing open once closed, even when a call comes after close (a job finishing during shutdown)', async () => {
    const before = messagePorts();
    const thread = new SolverThread<number, number>(script, __filename);
    expect(await thread.run(1)).toBe(2);
    // idle, the thread holds nothing open (its port used to keep a test run from ending)
    expect(messagePorts()).toBe(before);
    await thread.close();
    expect(await thread.run(4)).toBe(8);
    expect(messagePorts()).toBe(before);
  });
});

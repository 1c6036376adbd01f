import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { StreamThread } from './stream-thread';

const messagePorts = () => process.getActiveResourcesInfo().filter((kind) => kind === 'MessagePort').length;

describe('StreamThread', () => {
  const script = join(__dirname, 'testing', 'text.thread');

  it('streams each render from its thread, renders asked together kept apart, a thrown error as a failed stream, and keeps serving', async () => {
    const thread = new StreamThread<{ lines: number }>(script, __filename);
    try {
      const [three, five] = await Promise.all([text(thread.stream({ lines: 3 })), text(thread.stream({ lines: 5 }))]);
      expect(three).toBe('line 0\nline 1\nline 2\n');
      expect(five.split('\n')).toHaveLength(6);
      await expect(text(thread.stream({ lines: -1 }))).rejects.toThrow('negative');
      expect((await thread.bytes({ lines: 1 })).toString()).toBe('line 0\n');
    } finally {
      await thread.close();
    }
  });

  it('leaves nothing open when idle or closed, even for a render asked after close', async () => {
    const before = messagePorts();
    const thread = new StreamThread<{ lines: number }>(script, __filename);
    expect((await thread.bytes({ lines: 2 })).toString()).toBe('line 0\nline 1\n');
    expect(messagePorts()).toBe(before);
    await thread.close();
    expect((await thread.bytes({ lines: 1 })).toString()).toBe('line 0\n');
    // the one-off thread ends with its render
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(messagePorts()).toBe(before);
  });
});

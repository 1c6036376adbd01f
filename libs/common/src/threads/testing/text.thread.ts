import { Readable } from 'node:stream';
import { parentPort } from 'node:worker_threads';
import { serveStreams } from '../stream-thread';

// Thread entry for the StreamThread tests: writes `lines` lines of text, one step per line; refuses a negative count.
serveStreams<{ lines: number }>(parentPort!, ({ lines }) => {
  if (lines < 0) throw new RangeError('negative');
  const output = new Readable({ read() {} });
  function* steps() {
    for (let i = 0; i < lines; i++) {
      output.push(`line ${i}\n`);
      yield;
    }
    output.push(null);
  }
  return { output, steps: steps() };
});

import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { waitFor } from './wait-for';

export interface CapturedMail {
  to: string[];
  messageId: string;
  subject: string;
  /** the whole message, its quoted-printable parts decoded so that French text can be searched */
  raw: string;
}

/**
 * A real SMTP server on a free port that keeps every message it accepts (envelope, headers and
 * decoded body); it can be stopped and started again on the same port.
 */
export class SmtpCapture {
  readonly received: CapturedMail[] = [];
  private server?: SMTPServer;
  port = 0;

  /** Starts (on `port`, else a free one) and answers the server's smtp:// URL. */
  async start(port = 0): Promise<string> {
    if (!this.server) {
      this.server = new SMTPServer({
        authOptional: true,
        // stopping means down now: open connections are cut at once
        closeTimeout: 50,
        disabledCommands: ['STARTTLS'],
        logger: false,
        onData: (stream, session, callback) => {
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            const raw = Buffer.concat(chunks).toString('utf8');
            // folded header lines (long encoded subjects) joined first
            const head = raw.split(/\r?\n\r?\n/, 1)[0]!.replace(/\r?\n[ \t]+/g, ' ');
            const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1]?.trim() ?? '';
            this.received.push({
              to: session.envelope.rcptTo.map((r) => r.address),
              messageId: header('Message-ID'),
              subject: decodeWords(header('Subject')),
              raw: decodeQuotedPrintable(raw),
            });
            callback();
          });
        },
      });
      await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
      this.port = (this.server.server.address() as AddressInfo).port;
    }
    return `smtp://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }

  /** The messages to this address whose subject matches. */
  to(address: string, subject: RegExp): CapturedMail[] {
    return this.received.filter((m) => m.to.includes(address) && subject.test(m.subject));
  }

  /** Everyone who received a message whose subject matches, sorted (an address twice if told twice). */
  recipients(subject: RegExp): string[] {
    return this.received
      .filter((m) => subject.test(m.subject))
      .flatMap((m) => m.to)
      .sort();
  }

  waitFor(address: string, subject: RegExp, timeoutMs = 20_000): Promise<CapturedMail> {
    return waitFor(`an e-mail to ${address} about ${subject}`, async () => this.to(address, subject)[0], timeoutMs);
  }
}

function decodeQuotedPrintable(raw: string): string {
  return raw.replace(/=\r?\n/g, '').replace(/(=[0-9A-F]{2})+/g, (m) => Buffer.from(m.replace(/=/g, ''), 'hex').toString('utf8'));
}

/** RFC 2047 encoded words of a header, as a person reads them. */
function decodeWords(value: string): string {
  return value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
    enc.toLowerCase() === 'b' ? Buffer.from(text, 'base64').toString('utf8') : decodeQuotedPrintable(text.replace(/_/g, ' ')),
  );
}

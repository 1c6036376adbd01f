import { Injectable } from '@nestjs/common';
import { ConflictError, ErrorReason, RequestContext } from '@app/common';
import { ActAccess } from '@app/auth';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CapturedEmail } from '../dto/notification.types';
import { MailTransport } from '../mail/mail-transport';

const MAX_RAW = 200_000;

/** The .eml files written when no SMTP_URL is set, newest first: how a developer (or the embedded start) reads what was "sent". */
@Injectable()
export class CapturedEmails {
  constructor(private readonly mail: MailTransport) {}

  async list(ctx: RequestContext, first: number): Promise<CapturedEmail[]> {
    ActAccess.assertRole(ctx, 'CapturedEmail', 'read');
    if (!this.mail.capturing) {
      throw new ConflictError(
        'E-mails are sent through SMTP_URL: none are captured here. Read them in the mailboxes they were sent to.',
        undefined,
        ErrorReason.EMAILS_NOT_CAPTURED,
      );
    }
    const names = await readdir(this.mail.captureDir).catch(() => [] as string[]);
    const files = await Promise.all(
      names.filter((n) => n.endsWith('.eml')).map(async (name) => ({ name, at: (await stat(join(this.mail.captureDir, name))).mtime })),
    );
    files.sort((a, b) => b.at.getTime() - a.at.getTime() || (a.name < b.name ? -1 : 1));
    return Promise.all(
      files.slice(0, first).map(async ({ name, at }) => {
        const raw = (await readFile(join(this.mail.captureDir, name), 'utf8')).slice(0, MAX_RAW);
        const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? '';
        return {
          file: name,
          to: header(head, 'To'),
          subject: decodeSubject(header(head, 'Subject')),
          messageId: header(head, 'Message-ID') || null,
          capturedAt: at,
          raw,
        };
      }),
    );
  }
}

/** A header's value, folded lines joined. */
function header(head: string, name: string): string {
  const match = new RegExp(`^${name}:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(head);
  return match ? match[1]!.replace(/\r?\n[ \t]+/g, ' ').trim() : '';
}

/** RFC 2047 encoded words (French subjects are encoded), UTF-8 only as nodemailer writes them. */
function decodeSubject(value: string): string {
  return value.replace(/\?=\s+=\?/g, '?==?').replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
    enc.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_m: string, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/common';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport, Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { EmailContent } from './email-content';

export interface OutgoingEmail extends EmailContent {
  to: string;
  /** fixed per delivery: a resend is the same message to the receiving servers */
  messageId: string;
  /** names the captured file: a resend overwrites it */
  deliveryId: string;
}

/** Why a send failed, as the sender must act on it. */
export class SendFailure extends Error {
  constructor(
    message: string,
    /** a 5xx answer: the address is refused for good, trying again changes nothing */
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

/** Below EMAIL_LEASE_MS: a send that hangs ends before another worker may take the e-mail over. */
const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 };

/**
 * Sends through SMTP_URL, or, without it (the embedded start, a developer's machine), writes each
 * message as an .eml file under DATA_DIR/mail, listed for administrators by `capturedEmails`.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly transporter: Transporter;
  readonly captureDir: string;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.captureDir = join(config.dataDir, 'mail');
    this.transporter = config.smtpUrl
      ? createTransport({ url: config.smtpUrl, ...SMTP_TIMEOUTS } as SMTPTransport.Options)
      : createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  get capturing(): boolean {
    return !this.config.smtpUrl;
  }

  async send(mail: OutgoingEmail): Promise<void> {
    const message = {
      from: this.config.mailFrom,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      headers: { 'Auto-Submitted': 'auto-generated' },
    };
    try {
      const info = (await this.transporter.sendMail(message)) as { message?: Buffer };
      if (this.capturing && info.message) await this.capture(mail.deliveryId, info.message);
    } catch (error) {
      const responseCode = (error as { responseCode?: number }).responseCode;
      const permanent = typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600;
      throw new SendFailure(`${responseCode ? `SMTP ${responseCode}: ` : ''}${(error as Error).message}`.slice(0, 1000), permanent);
    }
  }

  /** Written whole then renamed: the listing never reads half a message. */
  private async capture(deliveryId: string, raw: Buffer): Promise<void> {
    await mkdir(this.captureDir, { recursive: true });
    const file = join(this.captureDir, `${deliveryId}.eml`);
    await writeFile(`${file}.tmp`, raw);
    await rename(`${file}.tmp`, file);
  }

  onApplicationShutdown(): void {
    this.transporter.close();
  }
}

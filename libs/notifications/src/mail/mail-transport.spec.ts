import { AppConfig, RequestContext, Role } from '@app/common';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CapturedEmails } from '../services/captured-emails.service';
import { singleEmail } from './email-content';
import { MailTransport } from './mail-transport';

describe('e-mail without SMTP_URL: captured as .eml files', () => {
  let dataDir: string;
  const config = (smtpUrl: string | null) => ({ dataDir, smtpUrl, mailFrom: 'Réseau réemploi <no-reply@reemploi.test>' }) as AppConfig;
  const admin = new RequestContext({ userId: 'u1', email: 'admin@test', role: Role.ADMIN, organizationId: null, regionId: null });
  const donor = new RequestContext({ userId: 'u2', email: 'donor@test', role: Role.DONOR, organizationId: 'o', regionId: 'r' });

  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'mail-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('writes one file per delivery (a resend overwrites it) and lists it for an administrator', async () => {
    const mail = new MailTransport(config(null));
    const content = singleEmail(
      {
        title: 'Nouveau lot proposé : LOT-000001',
        body: 'Le lot <b>LOT-000001</b> vous est proposé.',
        reference: 'LOT-000001',
        link: 'https://reemploi.test/lots/1',
      },
      'https://reemploi.test/parametres/notifications',
    );
    for (let i = 0; i < 2; i += 1) await mail.send({ ...content, to: 'atelier@test', messageId: '<d1@reemploi.test>', deliveryId: 'd1' });
    expect(readdirSync(join(dataDir, 'mail'))).toEqual(['d1.eml']);

    const [captured] = await new CapturedEmails(mail).list(admin, 10);
    expect(captured).toMatchObject({ file: 'd1.eml', to: 'atelier@test', subject: 'Nouveau lot proposé : LOT-000001', messageId: '<d1@reemploi.test>' });
    // the HTML part escapes what people wrote
    expect(captured!.raw).toContain('&lt;b&gt;LOT-000001&lt;/b&gt;');
    await expect(new CapturedEmails(mail).list(donor, 10)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    mail.onApplicationShutdown();
  });

  it('refuses to list anything when e-mails go through SMTP', async () => {
    const mail = new MailTransport(config('smtp://127.0.0.1:1'));
    await expect(new CapturedEmails(mail).list(admin, 10)).rejects.toMatchObject({ code: 'CONFLICT' });
    mail.onApplicationShutdown();
  });
});

import { declareAndRoute, eraseDevice, LYON } from './support/donation-flow';
import { seriousA11yViolations, webConsoleSuite } from './support/web-console';

/** The workshop lead's day in the console, on a phone: offers, the pickup, intake by serial, erasure, grading, stock. */
describe('web console: refurbisher', () => {
  const suite = webConsoleSuite();

  it('claims one offer and declines another, then schedules, cancels, reschedules and completes the pickup, and takes the devices in by serial', async () => {
    const availableFrom = new Date(Date.now() + 86400_000).toISOString();
    const kept = await declareAndRoute(suite.t, suite.net.ara, [{ category: 'LAPTOP', quantity: 3, dataBearing: true }], {
      pickupAddress: LYON,
      availableFrom,
    });
    const refused = await declareAndRoute(suite.t, suite.net.ara, [{ category: 'LAPTOP', quantity: 2, dataBearing: true }], {
      pickupAddress: LYON,
      availableFrom,
    });
    const reference = async (lotId: string) => (await suite.t.dataSource.query(`SELECT reference FROM lot WHERE id = $1`, [lotId]))[0].reference as string;
    const keptRef = await reference(kept.id);
    const refusedRef = await reference(refused.id);

    const { context, page, problems } = await suite.signedIn('refurbisher@ara.test', { mobile: true });
    await page.getByRole('navigation').getByRole('link', { name: 'Offres' }).click();
    await page.getByRole('heading', { name: `Lot ${keptRef}` }).waitFor();
    await page.getByText('Répondre avant le').first().waitFor();
    await page
      .getByText(/à [\d,]+ km/)
      .first()
      .waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    const refusedCard = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `Lot ${refusedRef}` }) });
    await refusedCard.getByRole('button', { name: 'Refuser…' }).click();
    await refusedCard.getByLabel('Raison du refus').fill('Atelier complet cette semaine');
    await refusedCard.getByRole('button', { name: `Refuser le lot ${refusedRef}` }).click();
    await page.getByText(`Lot ${refusedRef} refusé`).waitFor();
    await page.getByRole('button', { name: `Accepter le lot ${keptRef}` }).click();
    await page.getByText(`Lot ${keptRef} accepté`).waitFor();

    await page.getByRole('navigation').getByRole('link', { name: 'Enlèvements et réception' }).click();
    await page.getByRole('link', { name: keptRef }).click();
    await page.getByRole('heading', { level: 1, name: `Lot ${keptRef}` }).waitFor();
    await page.getByRole('button', { name: 'Planifier l’enlèvement' }).click();
    await page.getByText('Enlèvement planifié le').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel('Raison de l’annulation').fill('Camion indisponible');
    await page.getByRole('button', { name: 'Annuler l’enlèvement' }).click();
    await page.getByText('Enlèvement annulé').waitFor();
    await page.getByRole('button', { name: 'Planifier l’enlèvement' }).click();
    await page.getByText('Enlèvement planifié le').waitFor();
    const later = new Date(Date.now() + 3 * 86400_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    await page.getByLabel('Nouvelle date et heure').fill(`${later.getFullYear()}-${pad(later.getMonth() + 1)}-${pad(later.getDate())}T09:30`);
    await page.getByLabel('Raison du report').fill('Le site du donateur est fermé');
    await page.getByRole('button', { name: 'Reporter l’enlèvement' }).click();
    await page.getByText('Enlèvement reporté au').waitFor();
    await page.getByRole('listitem').filter({ hasText: '« Le site du donateur est fermé »' }).waitFor();

    // the donor's devices are ready now
    await suite.t.dataSource.query(`UPDATE donation SET available_from = now() - interval '1 day' WHERE id = $1`, [kept.donationId]);
    await page.getByLabel('Appareils collectés').fill('3');
    await page.getByRole('button', { name: 'Enlèvement effectué' }).click();
    await page.getByText('Enlèvement effectué : 3 appareils collectés.').waitFor();

    const serial = page.getByLabel('Numéro de série');
    await page.getByLabel('Marque').fill('Lenovo');
    for (const s of ['WEB-R-001', 'web-r 002', 'WEB-R-001']) {
      await serial.fill(s);
      await serial.press('Enter');
    }
    await page.getByText('WEB-R-001 est déjà dans la liste.').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Réceptionner 2 appareils' }).click();
    await page.getByText('Lot réceptionné : 2 appareils enregistrés.').waitFor();
    await page.getByRole('rowheader', { name: 'web-r 002' }).waitFor();
    const [{ n }] = await suite.t.dataSource.query(`SELECT count(*)::int AS n FROM device WHERE lot_id = $1`, [kept.id]);
    expect(n).toBe(2);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('erases and grades a device with its checklist, and shows it in stock', async () => {
    const { context, page, problems } = await suite.signedIn('refurbisher@ara.test');
    await page.getByRole('navigation').getByRole('link', { name: 'Atelier' }).click();
    await page.getByRole('heading', { level: 1, name: 'Atelier' }).waitFor();
    await page.getByLabel('Scanner ou taper un numéro de série').fill('WEB-R-001');
    await page.getByRole('button', { name: 'Ouvrir' }).click();
    await page.getByRole('heading', { name: /^WEB-R-001/ }).waitFor();
    await page.getByLabel('Opérateur').fill('Samir B.');
    await page.getByLabel(/Effacement vérifié/).check();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Enregistrer l’effacement' }).click();
    await page.getByText(/Effacement de WEB-R-001 enregistré : certificat /).waitFor();

    await page.getByRole('button', { name: 'Classer WEB-R-001' }).click();
    await page.getByLabel('Santé de la batterie (%)').fill('82');
    await page.getByLabel('Webcam fonctionnelle').uncheck();
    await page.getByLabel('Ports et leur état').fill('2 USB-A, HDMI');
    await page.getByLabel('Grade').selectOption('B');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Classer l’appareil' }).click();
    await page.getByText('WEB-R-001 classé B : en stock.').waitFor();
    const [device] = await suite.t.dataSource.query(`SELECT status, grade FROM device WHERE serial_number = 'WEB-R-001'`);
    expect(device).toEqual({ status: 'IN_STOCK', grade: 'B' });

    // a disk destroyed by its erasure: a new one is recorded before grading
    const [other] = await suite.t.dataSource.query(`SELECT id FROM device WHERE serial_number = 'web-r 002'`);
    await eraseDevice(suite.t, other.id, suite.net.ara.tokens.refurbisher, 'PHYSICAL_DESTRUCTION');
    await page.reload();
    await page.getByRole('button', { name: 'Changer le disque de web-r 002' }).click();
    await page.getByLabel('Capacité (Go)').fill('240');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Enregistrer le nouveau disque' }).click();
    await page.getByText('Nouveau disque de web-r 002 enregistré').waitFor();
    await page.getByRole('button', { name: 'Classer web-r 002' }).waitFor();

    await page.getByRole('navigation').getByRole('link', { name: 'Stock' }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Ordinateur portable' }) });
    await row.getByRole('cell', { name: 'B', exact: true }).waitFor();
    expect(await row.getByRole('cell').nth(1).innerText()).toBe('1');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});

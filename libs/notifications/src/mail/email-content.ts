import { escapeHtml } from '@app/common';

/** One notification as an e-mail shows it. */
export interface EmailItem {
  title: string;
  body: string;
  reference: string | null;
  /** absolute: PUBLIC_URL + the console path, or the reset link */
  link: string;
}

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

const SIGNATURE = 'Le réseau régional de réemploi';

function footer(settingsUrl: string): { text: string; html: string } {
  return {
    text: `--\n${SIGNATURE}\nLes e-mails que vous recevez se choisissent dans la console (préférences de notification) : ${settingsUrl}`,
    html: `<p style="color:#666;font-size:12px">${escapeHtml(SIGNATURE)}<br>Les e-mails que vous recevez se choisissent dans la <a href="${escapeHtml(settingsUrl)}">console</a> (préférences de notification)</p>`,
  };
}

function itemText(item: EmailItem): string {
  return [item.body, item.reference ? `Référence : ${item.reference}` : null, `Pour agir : ${item.link}`].filter(Boolean).join('\n');
}

function itemHtml(item: EmailItem, heading: 'h1' | 'h2'): string {
  return [
    `<${heading}>${escapeHtml(item.title)}</${heading}>`,
    `<p>${escapeHtml(item.body)}</p>`,
    item.reference ? `<p>Référence : <strong>${escapeHtml(item.reference)}</strong></p>` : '',
    `<p><a href="${escapeHtml(item.link)}">Ouvrir dans la console</a></p>`,
  ].join('\n');
}

/** The e-mail of one notification (IMMEDIATE). */
export function singleEmail(item: EmailItem, settingsUrl: string): EmailContent {
  const end = footer(settingsUrl);
  return {
    subject: item.title,
    text: `Bonjour,\n\n${itemText(item)}\n\n${end.text}\n`,
    html: `<!doctype html><html lang="fr"><body><p>Bonjour,</p>\n${itemHtml(item, 'h1')}\n${end.html}</body></html>`,
  };
}

/** The day's e-mail gathering a person's DAILY_DIGEST notifications. */
export function digestEmail(items: readonly EmailItem[], day: string, settingsUrl: string): EmailContent {
  const end = footer(settingsUrl);
  const count = items.length === 1 ? '1 notification' : `${items.length} notifications`;
  return {
    subject: `Votre récapitulatif du ${day} : ${count}`,
    text: `Bonjour,\n\nVoici ce qui s'est passé le ${day}.\n\n${items.map((i) => `* ${i.title}\n${itemText(i)}`).join('\n\n')}\n\n${end.text}\n`,
    html: `<!doctype html><html lang="fr"><body><p>Bonjour,</p><p>Voici ce qui s'est passé le ${escapeHtml(day)}.</p>\n${items.map((i) => itemHtml(i, 'h2')).join('\n<hr>\n')}\n${end.html}</body></html>`,
  };
}

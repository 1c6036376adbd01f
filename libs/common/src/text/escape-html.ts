const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text into HTML, as text: every page and e-mail the server writes itself (the public check of an
 * attestation, notification e-mails, the queue board's login) puts names, reasons and whatever
 * came from the address bar through here, so that a donor named `<script>` stays a name.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

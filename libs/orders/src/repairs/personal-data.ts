/**
 * A repair ticket's texts describe a fault, and staff, the refurbisher and the partner read them:
 * they must not carry the person's contact details. E-mail addresses and phone numbers (French,
 * international) are what such a text would hold and what can be told apart from a fault.
 */
const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]{2,}/;
const PHONE = /(?:\+|00)\d[\d .-]{7,}\d|\b0[1-9](?:[ .-]?\d{2}){4}\b/;

export function holdsContactDetails(text: string): boolean {
  return EMAIL.test(text) || PHONE.test(text);
}

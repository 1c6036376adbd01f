import { consolePath } from './notifications-page';

describe('a notification’s link inside the console', () => {
  it('keeps the path, query and fragment of the link the API wrote with its PUBLIC_URL', () => {
    expect(consolePath('https://reseau.example.org/commandes/42')).toBe('/commandes/42');
    expect(consolePath('https://reseau.example.org/reinitialiser?token=abc#x')).toBe('/reinitialiser?token=abc#x');
    expect(consolePath('/offres')).toBe('/offres');
  });

  it('never leads off the console, whatever the link says', () => {
    expect(consolePath('javascript:alert(1)')).toBe('/');
    expect(consolePath('//elsewhere.example/offres')).toBe('/offres');
    expect(consolePath('data:text/html,<script>1</script>')).toBe('/');
  });
});

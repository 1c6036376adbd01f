import { escapeHtml } from './escape-html';

describe('escapeHtml', () => {
  it('turns every character HTML reads as markup into its entity, and leaves the rest', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'Œuvre'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Œuvre&#39;');
    expect(escapeHtml('Réseau de réemploi')).toBe('Réseau de réemploi');
  });
});

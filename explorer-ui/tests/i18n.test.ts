import { describe, expect, it } from 'vitest';
import en from '../src/i18n/locales/en';
import es from '../src/i18n/locales/es';
import fr from '../src/i18n/locales/fr';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') found.set(path, value);
    else for (const [inner, text] of leaves(value, path)) found.set(inner, text);
  }
  return found;
}

const english = leaves(en);

describe('messages', () => {
  it.each([
    ['fr', fr],
    ['es', es],
  ])('%s has exactly the English keys', (_name, messages) => {
    expect([...leaves(messages).keys()].sort()).toEqual([...english.keys()].sort());
  });

  it.each([
    ['en', en],
    ['fr', fr],
    ['es', es],
  ])('%s has no empty message and the same placeholders as English', (_name, messages) => {
    for (const [key, text] of leaves(messages)) {
      expect(text.trim(), key).not.toBe('');
      const placeholders = (value: string) => [...value.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(placeholders(text), key).toEqual(placeholders(english.get(key) ?? ''));
    }
  });

  it('translates every error code the gateway documents', () => {
    const codes = [
      'INVALID_ARGUMENT',
      'NOT_FOUND',
      'FORBIDDEN',
      'CONFLICT',
      'INVALID_STATE',
      'INSUFFICIENT_CREDITS',
      'FROZEN',
      'ALREADY_RETIRED',
      'EXCEEDS_VERIFIED',
      'WRITE_CONFLICT',
      'ACCOUNT_LOCKED',
      'REPLICA_UNAVAILABLE',
    ];
    for (const code of codes) expect(english.has(`errors.${code}`), code).toBe(true);
  });
});

describe('PrimeVue’s own texts', () => {
  it('are given in every language, with the same keys and placeholders as English', async () => {
    const { PRIMEVUE_TEXTS } = await import('../src/i18n/primevue-texts');
    const english = leaves(PRIMEVUE_TEXTS.en as unknown as Tree);
    for (const locale of ['fr', 'es'] as const) {
      const texts = leaves(PRIMEVUE_TEXTS[locale] as unknown as Tree);
      expect([...texts.keys()].sort()).toEqual([...english.keys()].sort());
      for (const [key, text] of texts) {
        expect(text, `${locale} ${key}`).not.toBe(english.get(key));
        expect(text.includes('{0}')).toBe(english.get(key)?.includes('{0}'));
      }
    }
  });
});

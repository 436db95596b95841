/** Tokenizer and normalization: contractions, texting forms, stretched letters, offsets, clause leads. */
import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.ts';
import { tokenize, WORD } from './tokenize.ts';

const words = (text: string): string[] => {
  const doc = tokenize(text);
  return doc.words.filter((_, i) => doc.kinds[i] === WORD);
};

describe('tokenize', () => {
  it.each([
    ["you're", ['you', 'are']],
    ['youre', ['you', 'are']],
    ['u shud', ['you', 'should']],
    ["don't", ['do', 'not']],
    ['dont', ['do', 'not']],
    ['ur being', ['you', 'are', 'being']],
    ['ur sister', ['your', 'sister']],
    ['sooo', ['so']],
    ['pleeease', ['please']],
    ['feeeel', ['feel']],
    ['I’m', ['i', 'am']],
    ['gonna', ['going', 'to']],
    ["let's", ['let', 'us']],
    ['ill call', ['i', 'will', 'call']],
  ])('normalizes %s', (text, expected) => {
    expect(words(text)).toEqual(expected);
  });

  it('keeps offsets into the original text', () => {
    const text = "ok, you're fine";
    const doc = tokenize(text);
    const i = doc.words.indexOf('are');
    expect(text.slice(doc.starts[i], doc.ends[i])).toBe("you're");
  });

  it('marks the first content word of each clause as a lead, after discourse markers', () => {
    const doc = tokenize('ok so just call her. I know, but try to eat');
    const leads = doc.words.filter((_, i) => doc.lead[i]);
    expect(leads).toEqual(['call', 'i', 'try']);
  });

  it('starts a new sentence at a capital after a lower-case word (texting without punctuation)', () => {
    const doc = tokenize('you need sleep What happened');
    expect(doc.sentence[doc.words.indexOf('what')]).toBe(1);
  });

  it('drops scare quotes around one or two words', () => {
    expect(words('you are being "dramatic"')).toEqual(['you', 'are', 'being', 'dramatic']);
    expect(tokenize('you are being "dramatic"').words).not.toContain('"');
  });
});

describe('detectLanguage', () => {
  it.each([
    ['ok', 'en'],
    ['lol', 'en'],
    ['', 'en'],
    ['que', 'en'],
    ['You should call your sister tonight.', 'en'],
    ['No sé qué hacer con mi vida, estoy muy cansada.', 'unsupported'],
    ['私は大丈夫です', 'unsupported'],
  ] as const)('%s → %s', (text, expected) => {
    expect(detectLanguage(text)).toBe(expected);
  });
});

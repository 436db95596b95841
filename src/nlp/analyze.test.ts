/** The shape and invariants of `analyze`: keys, offsets, language, determinism, long and odd inputs. */
import { describe, expect, it } from 'vitest';
import { analyze, CATEGORIES } from './index.ts';

const KEYS = CATEGORIES.map((c) => c.key);

describe('analyze', () => {
  it('always returns all ten keys in scores and flags', () => {
    for (const text of [
      '',
      'ok',
      'You should rest.',
      'Hola, ¿qué tal? No sé qué hacer con mi hermana.',
    ]) {
      const result = analyze(text);
      expect(Object.keys(result.scores).sort()).toEqual([...KEYS].sort());
      expect(Object.keys(result.flags).sort()).toEqual([...KEYS].sort());
    }
  });

  it('gives offsets whose slice is the excerpt', () => {
    const text = "Hey you.\n\nDon't worry, it'll be fine!! u shud call ur sister 😢 What happened?";
    for (const f of analyze(text).findings) expect(text.slice(f.start, f.end)).toBe(f.excerpt);
  });

  it('gives every fear-side finding one to three alternatives and hope-side none', () => {
    const result = analyze(
      "You should call your sister. What's wrong? You're overreacting. Calm down. What happened?",
    );
    for (const f of result.findings) {
      if (f.side === 'fear') {
        expect(f.alternatives.length).toBeGreaterThanOrEqual(1);
        expect(f.alternatives.length).toBeLessThanOrEqual(3);
      } else expect(f.alternatives).toEqual([]);
    }
  });

  it('makes directive alternatives specific to the sentence', () => {
    const [finding] = analyze('You should call your sister.').findings;
    expect(finding?.alternatives.some((a) => a.includes('sister'))).toBe(true);
  });

  it('never suggests escalating', () => {
    const result = analyze(
      "Are you safe? I'll have to call someone. You need to call a crisis line.",
    );
    for (const alt of result.findings.flatMap((f) => f.alternatives)) {
      expect(alt).not.toMatch(/\b(call|crisis|911|hospital|police|ambulance)\b/i);
    }
  });

  it('reads clearly non-English text as unsupported, with no flags', () => {
    for (const text of [
      'Mi hermana no me habla desde hace meses y no sé qué hacer.',
      'Ich weiß nicht mehr weiter, meine Mutter redet nicht mehr mit mir.',
      'Je ne sais pas quoi faire, tu devrais m’appeler ce soir.',
      'Eu não sei o que fazer, você deveria falar com ela hoje.',
      'Я не знаю, что делать. Ты должен ей позвонить.',
    ]) {
      const result = analyze(text);
      expect(result.language).toBe('unsupported');
      expect(result.findings).toEqual([]);
      expect(Object.values(result.flags).some(Boolean)).toBe(false);
    }
  });

  it('keeps English with a foreign word or two as English', () => {
    expect(analyze('gracias for listening, you should rest').language).toBe('en');
  });

  it('scores hope above 0.5 when hope dominates and below when fear does', () => {
    expect(
      analyze('What happened? It sounds like a lot. We can sit with it together.').hope,
    ).toBeGreaterThan(0.5);
    expect(analyze("You should rest. Don't worry. You're overreacting.").hope).toBeLessThan(0.5);
    expect(analyze('ok').hope).toBe(0.5);
  });

  it('is deterministic', () => {
    const text = 'Have you tried yoga? I remember feeling that way too. What would help tonight?';
    expect(analyze(text)).toEqual(analyze(text));
  });

  it('handles long multi-paragraph messages, finding things in every paragraph', () => {
    const paragraph =
      'I read your message a few times. It sounds like the week has been heavy.\n\n';
    const text = `${paragraph.repeat(20)}You should go to bed early.`;
    const result = analyze(text);
    expect(result.scores.reflection).toBe(20);
    expect(result.flags.directive).toBe(true);
  });

  it('uses the context to recognise a reflection', () => {
    const context = 'my sister stopped calling and honestly I feel forgotten';
    expect(
      analyze('Your sister stopped calling and you feel forgotten.', { context }).flags.reflection,
    ).toBe(true);
    expect(
      analyze('Your sister stopped calling and you feel forgotten?', { context }).flags.reflection,
    ).toBe(false);
  });
});

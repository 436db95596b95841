/** Cheap language check: the coach reads English only, and says so rather than guessing at other languages. */
import { KIND, tokenize, type Doc } from './tokenize.ts';

const { WORD } = KIND;

const ENGLISH = new Set(
  (
    'the and you i to a it is that of in my me for this be have not do what so but just with your are was ' +
    'on at if can how like we they he she know feel ok im dont its about all get would will yes really ' +
    'been think want need sorry thanks okay lol there when u ur hey hi well one time why here been am did'
  ).split(' '),
);

const OTHER = new Set(
  (
    'que de la el los las y es por para una un con se lo tu te ella ellos nada algo qué sé hace pero como más muy está estoy ' +
    'und der die das ich nicht ist du mit sie es ein eine zu auf mir mich was soll weiß mehr meine redet ' +
    'le les et je pas est vous il ne mais tu des une du au ce ça suis sais quoi faire devrais ' +
    'não você eu isso muito o os com uma em sei fazer deveria falar ela hoje ' +
    'het een ik niet en dat je van zijn wat che non per sono di il mi ti ho lei cosa'
  ).split(' '),
);

/** Letters common in Spanish, Portuguese, French, German or Italian words and rare in English chat. */
const ACCENTED = /[ñáéíóúüãõçàèìòùâêîôûëïß]/;

/** 'en' unless the text is clearly in another language (or another script). Short texts count as English. */
export function detectLanguage(text: string): 'en' | 'unsupported' {
  return languageOf(tokenize(text));
}

/** The same check over an already tokenized draft (the hot path: no second pass over the text). */
export function languageOf(doc: Doc): 'en' | 'unsupported' {
  let english = 0;
  let other = 0;
  let total = 0;
  let nonLatin = 0;
  for (let i = 0; i < doc.words.length && total < 200; i++) {
    if (doc.kinds[i] !== WORD) continue;
    const w = doc.words[i] as string;
    total++;
    // Letters past Latin Extended-B (Cyrillic, CJK, Arabic…) mean another script.
    if (w.charCodeAt(0) > 0x24f) nonLatin++;
    if (ENGLISH.has(w)) english++;
    else if (OTHER.has(w) || ACCENTED.test(w)) other++;
  }
  if (total === 0) return 'en';
  if (nonLatin / total > 0.5) return 'unsupported';
  if (total < 3) return 'en';
  return other >= 2 && other > english * 1.5 ? 'unsupported' : 'en';
}

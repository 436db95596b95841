/** Reads the suggested action out of a directive ("you should call your sister" → "calling my sister"). */
import { LEXICON } from './lexicon.ts';
import { KIND, type Doc } from './tokenize.ts';

const { WORD } = KIND;

const VERBS = new Set(LEXICON.IMPV?.split('|').map((v) => v.split('_')[0] as string));
const TRAILING = new Set([
  'tonight',
  'tomorrow',
  'today',
  'now',
  'asap',
  'soon',
  'again',
  'first',
  'anyway',
  'already',
  'instead',
  'sometime',
  'then',
]);
const PAST =
  /(ed|went|took|told|made|got|gave|left|wrote|did|spoke|sent|slept|ate|drank|saw|put|set|let|cut|quit)$/;
const ESCALATION = new Set([
  'crisis',
  '911',
  '999',
  '112',
  'hospital',
  'police',
  'cops',
  'ambulance',
  'emergency',
  'er',
  'hotline',
  'helpline',
  'lifeline',
  'doctor',
  'gp',
  'therapist',
  'psychiatrist',
  'counselor',
  'counsellor',
  'professional',
  'therapy',
  'psych',
  'ward',
  'rehab',
  'meds',
  'medication',
  'someone',
  'somebody',
  'help',
  'services',
  'dbt',
  'cbt',
]);
const PEOPLE = new Set(LEXICON.PEOPLE?.split('|').map((p) => p.replace(/_/g, ' ')));
const SKIP = new Set([
  'just',
  'maybe',
  'really',
  'please',
  'definitely',
  'probably',
  'totally',
  'seriously',
  'honestly',
  'also',
  'at',
  'least',
  'try',
  'to',
  'go',
  'and',
  'ever',
  'always',
  'actually',
]);
const NEGATIVE = new Set(['not', 'never', 'stop', 'quit', 'avoid', 'no']);
const SWAP: Record<string, string> = {
  your: 'my',
  yourself: 'myself',
  you: 'me',
  yours: 'mine',
  you_are: 'I am',
};
const IRREGULAR: Record<string, string> = {
  be: 'being',
  see: 'seeing',
  lie: 'lying',
  die: 'dying',
  tie: 'tying',
  go: 'going',
  do: 'doing',
  have: 'having',
};
const DOUBLE = new Set([
  'stop',
  'get',
  'put',
  'sit',
  'cut',
  'quit',
  'run',
  'let',
  'set',
  'shop',
  'plan',
  'chat',
  'jog',
  'hug',
  'skip',
  'drop',
  'swim',
  'begin',
  'forget',
  'step',
  'dig',
  'nap',
  'mop',
  'jot',
  'log',
  'hit',
]);

/** The action a directive suggests, ready to reuse in an alternative. */
export interface Action {
  /** The action as a gerund phrase from the writer's side ("calling my sister"); undefined when unclear. */
  gerund?: string;
  /** The person the action involves, as the reader would say it ("your sister", "her"). */
  person?: string;
  /** True for "don't…", "stop…": framed around avoiding something. */
  avoid: boolean;
  /** True when the action hands the person to services or professionals (never echoed back as advice). */
  escalates?: boolean;
}

/** Turns a base verb into its -ing form. */
export function gerund(verb: string): string {
  const irregular = IRREGULAR[verb];
  if (irregular) return irregular;
  if (verb.endsWith('ing')) return verb;
  if (verb.endsWith('ie')) return `${verb.slice(0, -2)}ying`;
  if (verb.endsWith('e') && !/(ee|ye|oe)$/.test(verb) && verb.length > 2)
    return `${verb.slice(0, -1)}ing`;
  if (DOUBLE.has(verb)) return `${verb}${verb.at(-1) ?? ''}ing`;
  return `${verb}ing`;
}

function findPerson(words: string[]): string | undefined {
  for (let k = 0; k < words.length; k++) {
    const w = words[k] as string;
    if (w === 'your' || w === 'my') {
      const noun = words[k + 1];
      const two = noun !== undefined ? `${noun} ${words[k + 2] ?? ''}`.trim() : '';
      if (PEOPLE.has(two)) return `your ${two}`;
      if (noun !== undefined && PEOPLE.has(noun)) return `your ${noun}`;
    }
    if (w === 'her' || w === 'him' || w === 'them') return w;
  }
  return undefined;
}

function sentenceWords(doc: Doc, from: number): string[] {
  const out: string[] = [];
  const sentence = doc.sentence[from];
  for (let j = from; j < doc.words.length && doc.sentence[j] === sentence && out.length < 24; j++) {
    if (doc.kinds[j] === WORD) out.push(doc.words[j] as string);
  }
  return out;
}

/** Reads the action of the directive whose match covers tokens [start, end). */
export function readAction(
  doc: Doc,
  start: number,
  end: number,
  from: 'after' | 'from' | 'none',
): Action {
  let i = from === 'from' ? start : end;
  const avoid =
    NEGATIVE.has(doc.words[start] as string) ||
    doc.words[start + 1] === 'not' ||
    NEGATIVE.has(doc.words[end - 1] as string);
  while (i < doc.words.length && doc.kinds[i] === WORD && SKIP.has(doc.words[i] as string)) i++;
  const words: string[] = [];
  for (let j = i; j < doc.words.length && doc.kinds[j] === WORD && words.length < 9; j++) {
    const w = doc.words[j] as string;
    if (w === 'or' || w === 'because' || w === 'and' || w === 'if' || w === 'so' || w === 'but')
      break;
    words.push(w);
  }
  while (words.length > 1 && TRAILING.has(words.at(-1) as string)) words.pop();
  if (words.some((w) => ESCALATION.has(w))) return { avoid, escalates: true };
  // The person may sit later in the sentence ("stop overthinking it and just call your sister").
  const person = findPerson(words) ?? findPerson(sentenceWords(doc, i));
  const first = words[0];
  const unclear =
    first === undefined ||
    words.includes('you') ||
    words.length > 7 ||
    (!VERBS.has(first) && PAST.test(first));
  if (from === 'none' || unclear || avoid || NEGATIVE.has(first)) {
    return person ? { person, avoid } : { avoid };
  }
  const head = VERBS.has(first) ? gerund(first) : first;
  const phrase = [head, ...words.slice(1).map((w) => SWAP[w] ?? w)].join(' ');
  return person ? { gerund: phrase, person, avoid } : { gerund: phrase, avoid };
}

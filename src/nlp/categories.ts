/** Metadata for the ten categories: side, task, a short label and the reason shown to the writer. */
import type { Category, Side, Task } from './types.ts';

/** Metadata for one category. */
export interface CategoryMeta {
  key: Category;
  side: Side;
  task: Task;
  label: string;
  /** The default one-sentence reason for a finding of this category. */
  why: string;
}

/** All ten categories in display order: fear side first, then hope side. */
export const CATEGORIES: readonly CategoryMeta[] = [
  {
    key: 'directive',
    side: 'fear',
    task: 'mutuality',
    label: 'Telling or advising',
    why: 'Telling someone what to do puts you in charge of their life; a question or an offer keeps the power shared.',
  },
  {
    key: 'assessment',
    side: 'fear',
    task: 'worldview',
    label: 'Assessing',
    why: 'A checklist question treats the person as a problem to assess; an open question lets them say what is going on in their own words.',
  },
  {
    key: 'judging',
    side: 'fear',
    task: 'worldview',
    label: 'Labelling or judging',
    why: 'A label explains their experience for them; curiosity lets them say what it means to them.',
  },
  {
    key: 'fear',
    side: 'fear',
    task: 'connection',
    label: 'Warning or controlling',
    why: 'A warning or threat comes from fear and can close the conversation; naming your own worry keeps you connected.',
  },
  {
    key: 'minimizing',
    side: 'fear',
    task: 'connection',
    label: 'Minimizing',
    why: 'Quick reassurance can leave someone feeling unheard; staying with what they said keeps you connected.',
  },
  {
    key: 'curiosity',
    side: 'hope',
    task: 'worldview',
    label: 'Curiosity',
    why: 'An open question invites their own way of making sense of things.',
  },
  {
    key: 'reflection',
    side: 'hope',
    task: 'connection',
    label: 'Reflecting',
    why: 'Saying back what you heard shows you are with them.',
  },
  {
    key: 'mutuality',
    side: 'hope',
    task: 'mutuality',
    label: 'Sharing as yours',
    why: 'Sharing your own experience as yours keeps the relationship two-way.',
  },
  {
    key: 'we',
    side: 'hope',
    task: 'mutuality',
    label: 'We',
    why: 'Shared language puts you in this together.',
  },
  {
    key: 'moving_toward',
    side: 'hope',
    task: 'moving_toward',
    label: 'Moving toward',
    why: 'This looks toward what they want to create, not only what to stop or avoid.',
  },
];

/** The ten keys in display order. */
export const CATEGORY_KEYS: readonly Category[] = CATEGORIES.map((c) => c.key);

const BY_KEY = new Map(CATEGORIES.map((c) => [c.key, c]));

/** Metadata for one key. */
export function categoryMeta(key: Category): CategoryMeta {
  const meta = BY_KEY.get(key);
  if (!meta) throw new Error(`unknown category ${key}`);
  return meta;
}

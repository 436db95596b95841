/** Public types of the language coach: categories, findings and the analysis of one draft. */

/** The ten kinds of language the coach reflects (shared/IPS.md §3). */
export type Category =
  | 'directive'
  | 'assessment'
  | 'judging'
  | 'fear'
  | 'minimizing'
  | 'curiosity'
  | 'reflection'
  | 'mutuality'
  | 'we'
  | 'moving_toward';

/** Whether a category belongs to the language of fear or of hope. */
export type Side = 'fear' | 'hope';

/** The task a category serves. */
export type Task = 'connection' | 'worldview' | 'mutuality' | 'moving_toward';

/** One stretch of the draft the coach reflects back. Offsets are UTF-16 indices into the input. */
export interface Finding {
  category: Category;
  side: Side;
  task: Task;
  start: number;
  end: number;
  /** Exactly `text.slice(start, end)`. */
  excerpt: string;
  /** One plain, non-shaming sentence tied to the task. */
  why: string;
  /** 1–3 hope-based rewrites for fear-side findings; empty for hope-side ones. */
  alternatives: string[];
}

/** The coach's reading of one draft. */
export interface Analysis {
  language: 'en' | 'unsupported';
  findings: Finding[];
  scores: Record<Category, number>;
  flags: Record<Category, boolean>;
  /** 0..1: above 0.5 when hope-side moves dominate, below when fear-side ones do. */
  hope: number;
}

/** Options for `analyze`. */
export interface AnalyzeOptions {
  /** The other person's previous message, used to recognise a reflection of what they said. */
  context?: string;
}

/** Public entry of the language coach. The web app imports exactly these names, lazily, in the browser. */
export { analyze } from './analyze.ts';
export { CATEGORIES, type CategoryMeta } from './categories.ts';
export type { Analysis, AnalyzeOptions, Category, Finding, Side, Task } from './types.ts';

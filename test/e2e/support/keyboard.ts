/** Keyboard-only helpers: Tab until a control is focused, checking that each focused element shows a visible focus ring. */
import type { Page } from 'playwright-core';

interface Focused {
  tag: string;
  name: string;
  outline: string;
}

async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: 'body', name: '', outline: '' };
    const labelled = el.getAttribute('aria-labelledby');
    const byLabel = labelled
      ? labelled
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' ')
      : '';
    const forLabel = el.id
      ? (document.querySelector(`label[for="${el.id}"]`)?.textContent ?? '')
      : '';
    const name = (el.getAttribute('aria-label') ?? byLabel) || forLabel || el.textContent || '';
    // A checkbox or switch input is visually hidden; its styled box shows the ring.
    const ringHost =
      el
        .closest('label.checkbox, label.switch')
        ?.querySelector<HTMLElement>('.checkbox-box, .switch-track') ?? el;
    const style = getComputedStyle(ringHost);
    return {
      tag: el.tagName.toLowerCase(),
      name: name.trim(),
      outline: `${style.outlineStyle} ${style.outlineWidth}`,
    };
  });
}

/** Presses Tab until the focused element's accessible name matches; fails if focus is ever invisible. */
export async function tabTo(page: Page, name: RegExp, max = 60): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    seen.push(`${f.tag}:${f.name.slice(0, 40)}`);
    if (f.tag !== 'body' && (f.outline.startsWith('none') || f.outline.endsWith(' 0px'))) {
      throw new Error(`no visible focus on ${f.tag} "${f.name}" (outline ${f.outline})`);
    }
    if (name.test(f.name)) return;
  }
  throw new Error(
    `could not reach ${String(name)} by Tab; focus went through: ${seen.join(' | ')}`,
  );
}

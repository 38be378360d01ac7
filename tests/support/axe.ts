// axe-core in the page under test: the WCAG 2.x A and AA rules' violations, as `id: target` lines.
import { source } from 'axe-core';
import type { Page } from 'playwright-core';

export async function accessibilityViolations(page: Page, selector = 'body'): Promise<string[]> {
  // A dialog that fades in or out has, mid-transition, colours no one reads (1.03:1 on a loaded
  // machine): check the page once its finite animations and transitions have finished.
  await page.waitForFunction(
    "document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity)",
  );
  // Once per document: a single-page app keeps it across its screens (half a megabyte to parse again).
  if (!(await page.evaluate('typeof globalThis.axe === "object"'))) await page.addScriptTag({ content: source });
  return page.evaluate(async (context) => {
    const axe = (globalThis as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(context, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}: ${n.failureSummary}`));
  }, selector);
}

import { englishTexts, type Texts } from "../../i18n/texts.ts";
import type { OverduePlan } from "../../publishing/reschedule-overdue.ts";
import { escapeHtml } from "../../shared/telegram-html.ts";
import { describePost } from "../queue/queue-view.ts";

/** Overdue posts /resume names one by one; the rest are counted (they are all in /queue). */
const NAMED_POSTS = 5;

/**
 * What /resume adds when posts' times passed during the pause: which go out now and where the others move
 * (HTML). Empty when nothing is overdue.
 */
export function renderOverdueOnResume(
  plans: readonly OverduePlan[],
  where: { timeZone: string; now: Date; connected: boolean },
  texts: Texts = englishTexts(),
): string {
  if (plans.length === 0) return "";
  const { t } = texts;
  const lines = [t("resume-overdue-title", { count: plans.length })];
  for (const plan of plans.slice(0, NAMED_POSTS)) {
    const post = escapeHtml(describePost(plan, texts));
    if (plan.now) lines.push(t("resume-overdue-now", { post }));
    else if (plan.goesAt)
      lines.push(
        t("resume-overdue-moved", {
          post,
          when: escapeHtml(texts.slot(plan.goesAt, where.timeZone, where.now)),
        }),
      );
    else lines.push(t("resume-overdue-no-slot", { post }));
  }
  if (plans.length > NAMED_POSTS) lines.push(t("resume-overdue-more", { count: plans.length - NAMED_POSTS }));
  if (!where.connected) lines.push(t("resume-overdue-not-connected"));
  return lines.join("\n");
}

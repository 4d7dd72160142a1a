/** What a shared link's preview says about an incident (Open Graph and Twitter card description). */
import type { Incident } from '../../schemas/incident.ts';
import { markdownToText } from '../markdown.ts';
import type { Ctx } from './incidents.ts';

/** A preview's description stops at a word near this many characters (previews show about 200). */
const SHARE_LENGTH = 200;

/** "Status: Investigating." and the latest update as plain text, cut at a word with "…" when long. */
export function incidentShareText(x: Ctx, inc: Incident): string {
  const last = inc.updates[inc.updates.length - 1]!;
  const text = `${x.t('share.status', { status: x.t(`incidentStatus.${last.status}`) })} ${markdownToText(x.loc(last.message).text).replace(/\s+/g, ' ').trim()}`;
  if (text.length <= SHARE_LENGTH) return text;
  const cut = text.slice(0, SHARE_LENGTH - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), SHARE_LENGTH / 2))}…`;
}

/**
 * Warnings the support policy implies, for content that is valid but needs someone's attention:
 * an open incident whose next status update is overdue, a resolved system-wide incident whose
 * root-cause report is overdue, and a finished maintenance window that never got a closing notice.
 * They come from the same SLA clock as the incident pages, at the content's "now".
 */
import { join } from 'node:path';
import type { SiteContent } from '../../src/lib/content/load.ts';
import type { Maintenance } from '../../src/schemas/maintenance.ts';
import { lineOf, parseYaml, readText } from '../../src/lib/content/source.ts';
import { localize } from '../../src/lib/i18n.ts';
import { describeTarget } from '../../src/lib/targets.ts';
import { maintenanceState } from '../../src/lib/status.ts';
import { splitFrontMatter } from '../../src/lib/front-matter-split.ts';
import { incidentClock, nextUpdateDue } from '../../src/lib/sla.ts';
import { show } from './time.ts';

/** One warning, placed like a content error. */
export interface PolicyWarning {
  file: string;
  line?: number | undefined;
  message: string;
}

/**
 * Whether a past window has a closing notice: one posted at or after its end, or (for work that
 * finished early) a second notice after the start, the first being the usual "it has started".
 */
export function hasClosingUpdate(m: Maintenance): boolean {
  const during = m.updates.filter((u) => u.at >= m.window.start);
  return during.some((u) => u.at >= m.window.end) || during.length >= 2;
}

/** Every policy warning of valid content, by file. `dir` is the content folder on disk (for line numbers). */
export function policyWarnings(c: SiteContent, dir: string): PolicyWarning[] {
  const out: PolicyWarning[] = [];
  const zone = c.site.timeZone;
  const def = c.site.defaultLocale;
  const when = (iso: string) => `${show(iso, zone)} ${zone}`;
  const line = (folder: string, id: string, path: PropertyKey[]) => lineIn(join(dir, folder, `${id}.md`), path);

  for (const inc of c.incidents) {
    const clock = incidentClock(c, inc);
    if (!clock) continue;
    const sev = localize(clock.severity.name, def, def).text;
    const updates = clock.statusUpdates;
    const next = nextUpdateDue(clock);
    if (updates && next?.overdue) {
      const last = inc.updates[inc.updates.length - 1]!;
      out.push({
        file: inc.file,
        line: line('incidents', inc.id, ['updates', inc.updates.length - 1, 'at']),
        message: `update overdue: the last update was at ${when(last.at)} and ${sev} incidents get status updates ${describeTarget(updates.target, 'statusUpdates', 'en', def)}, so one was due by ${when(next.due)} (post one: pharos incident update ${inc.id} --message "...")`,
      });
    }
    const report = clock.rootCauseReport;
    if (inc.resolved !== undefined && report?.outcome === 'overdue' && report.due) {
      out.push({
        file: inc.file,
        line: line('incidents', inc.id, ['resolved']),
        message: `post-incident report overdue: a resolved system-wide ${sev} incident needs a root-cause report within ${describeTarget(report.target, 'rootCauseReport', 'en', def)} of ${when(inc.resolved)}, due by ${when(report.due)} (write it as the Markdown body below the front matter)`,
      });
    }
  }

  for (const m of c.maintenance) {
    if (maintenanceState(m, c.now) !== 'completed' || hasClosingUpdate(m)) continue;
    out.push({
      file: m.file,
      line: line('maintenance', m.id, ['window', 'end']),
      message: `no closing update: the window ended at ${when(m.window.end)} and customers were never told it is over (add an update saying the work is complete, or cancelled: "<time>" if it never happened)`,
    });
  }
  return out.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

/** The line of a front-matter field in a Markdown content file (undefined when it cannot be read). */
function lineIn(path: string, fieldPath: PropertyKey[]): number | undefined {
  const read = readText(path, path);
  if ('error' in read) return undefined;
  const fm = splitFrontMatter(read.text);
  if (!fm) return undefined;
  const parsed = parseYaml(fm.yaml, path, fm.lineOffset);
  return 'source' in parsed ? lineOf(parsed.source, fieldPath) : undefined;
}

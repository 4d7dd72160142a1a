/**
 * Warnings the support policy implies, for content that is valid but needs someone's attention:
 * an open incident whose next status update is overdue, a resolved system-wide incident whose
 * root-cause report is overdue, and a finished maintenance window that never got a closing notice.
 * They come from the same SLA clock as the incident pages, at the content's "now".
 */
import { join } from 'node:path';
import type { SiteContent } from '../../src/lib/content/load.ts';
import type { Maintenance } from '../../src/schemas/maintenance.ts';
import { WORKFLOW_SECRETS } from '../../src/schemas/notify.ts';
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
      message: `no closing update: the window ended at ${when(m.window.end)} and customers were never told it is over (post one: pharos maintenance update ${m.id} --message "...", or pharos maintenance cancel ${m.id} --message "..." if it never happened)`,
    });
  }
  return out.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

/**
 * Sample content (`sample: true`: invented incidents, windows, releases, release dates, holidays)
 * in a build whose "now" is the real clock. A demonstration pins "now" (PHAROS_NOW or site.yaml's
 * `now`); a real site does not, and must not show invented data as the vendor's.
 */
export function sampleWarnings(c: SiteContent, dir: string, display: string, env: Record<string, string | undefined>): PolicyWarning[] {
  if (env.PHAROS_NOW?.trim() || c.site.now !== undefined) return [];
  const out: PolicyWarning[] = [];
  const why = 'and "now" is not pinned (no PHAROS_NOW, no now: in site.yaml), so the site shows it as real';
  for (const inc of c.incidents.filter((i) => i.sample)) {
    out.push({
      file: inc.file,
      line: lineIn(join(dir, 'incidents', `${inc.id}.md`), ['sample']),
      message: `sample content: an invented incident (sample: true) ${why}; delete the file`,
    });
  }
  for (const m of c.maintenance.filter((w) => w.sample)) {
    out.push({
      file: m.file,
      line: lineIn(join(dir, 'maintenance', `${m.id}.md`), ['sample']),
      message: `sample content: an invented maintenance window (sample: true) ${why}; delete the file`,
    });
  }
  for (const [product, releases] of Object.entries(c.releases)) {
    const count = releases.filter((r) => r.sample).length;
    if (count === 0) continue;
    const file = `releases/${product}.yaml`;
    out.push({
      file: `${display}/${file}`,
      line: yamlLine(join(dir, file), ['releases', 0]),
      message: `sample content: ${count} invented ${count === 1 ? 'release' : 'releases'} (sample: true) ${why}; replace them with the real release history`,
    });
  }
  const cadences = c.products.filter((p) => p.cadence.kind === 'recurring' && p.cadence.sample);
  if (cadences.length > 0) {
    const first = c.products.indexOf(cadences[0]!);
    out.push({
      file: `${display}/products.yaml`,
      line: yamlLine(join(dir, 'products.yaml'), ['products', first, 'cadence', 'sample']),
      message: `sample content: the release schedules of ${cadences.map((p) => p.id).join(', ')} are invented (sample: true) ${why}; write the real rules`,
    });
  }
  const closures = c.support.desks.flatMap((d, i) => d.closures.flatMap((cl, j) => (cl.sample ? [[i, j] as const] : [])));
  if (closures.length > 0) {
    const [i, j] = closures[0]!;
    out.push({
      file: `${display}/support-hours.yaml`,
      line: yamlLine(join(dir, 'support-hours.yaml'), ['desks', i, 'closures', j, 'sample']),
      message: `sample content: ${closures.length} invented ${closures.length === 1 ? 'closure' : 'closures'} (sample: true) ${why}; write the desks' real holidays`,
    });
  }
  // Invented illustrations are tagged "Sample" on the policy pages; a real site writes its own.
  const levels = c.severities.filter((l) => l.sampleExamples === true);
  if (levels.length > 0)
    out.push({
      file: `${display}/severities.yaml`,
      line: yamlLine(join(dir, 'severities.yaml'), ['levels', fileIndex(join(dir, 'severities.yaml'), 'levels', levels[0]!.id), 'sampleExamples']),
      message: `sample content: the examples of ${levels.map((l) => l.id).join(', ')} are invented (sampleExamples: true) and "now" is not pinned, so the policy pages show them tagged "Sample"; write real examples or remove them`,
    });
  const types = c.caseTypes.filter((t) => t.sampleExample === true);
  if (types.length > 0)
    out.push({
      file: `${display}/case-types.yaml`,
      line: yamlLine(join(dir, 'case-types.yaml'), ['caseTypes', fileIndex(join(dir, 'case-types.yaml'), 'caseTypes', types[0]!.id), 'sampleExample']),
      message: `sample content: the examples of ${types.length === 1 ? 'case type' : 'case types'} ${types.map((t) => t.id).join(', ')} are invented (sampleExample: true) and "now" is not pinned, so the case-types page shows them tagged "Sample"; write real examples or remove them`,
    });
  return out.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

/** Where the item with this id stands in a list of a YAML file (the loader may have sorted it); 0 when it cannot be read. */
function fileIndex(path: string, list: string, id: string): number {
  const read = readText(path, path);
  if ('error' in read) return 0;
  const parsed = parseYaml(read.text, path);
  const items = 'source' in parsed ? (parsed.source.data as Record<string, { id?: unknown }[] | undefined>)[list] : undefined;
  return Math.max(0, items?.findIndex((item) => item.id === id) ?? 0);
}

/**
 * Channels of notify.yaml whose secret the shipped workflow does not pass: in GitHub Actions the
 * variable is empty, so the channel's messages wait for a secret that never comes.
 */
export function secretWarnings(c: SiteContent, dir: string, display: string): PolicyWarning[] {
  const names: readonly string[] = WORKFLOW_SECRETS;
  return (c.notify?.channels ?? []).flatMap((ch, i) =>
    names.includes(ch.secret)
      ? []
      : [
          {
            file: `${display}/notify.yaml`,
            line: yamlLine(join(dir, 'notify.yaml'), ['channels', i, 'secret']),
            message: `channel "${ch.id}": the publishing workflow (.github/workflows/deploy.yml) does not pass ${ch.secret} to pharos notify, so there it is never sent anything; it passes ${names.join(', ')}: use one of them, or add ${ch.secret} to the env of its notify step`,
          },
        ],
  );
}

/** The line of a field in a YAML content file (undefined when it cannot be read). */
function yamlLine(path: string, fieldPath: PropertyKey[]): number | undefined {
  const read = readText(path, path);
  if ('error' in read) return undefined;
  const parsed = parseYaml(read.text, path);
  return 'source' in parsed ? lineOf(parsed.source, fieldPath) : undefined;
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

/** Customer-care policy pages built from content/: severity, case types, the index, policy history. */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ROOT, buildSite, tempDir, type Run, sharedBuild } from '../helpers/fixtures.ts';
import { visibleText } from '../helpers/html.ts';

const text = visibleText;

describe('customer-care pages of the default site', () => {
  let build: Run & { outDir: string };
  const page = (p: string) => readFileSync(join(build.outDir, p), 'utf8');
  beforeAll(() => {
    build = sharedBuild(join(ROOT, 'content'));
  });

  test('builds', () => expect(build.status).toBe(0));

  test.each([
    ['', 'For example', 'Example:', 'Sample'],
    ['sv/', 'Till exempel', 'Exempel:', 'Exempeldata'],
    ['fr/', 'Par exemple', 'Exemple :', 'Fictif'],
  ])('%s: every invented example (severity situations, case types) carries the sample tag, the policy itself does not', (lang, examples, example, tag) => {
    const severity = text(page(`${lang}support/severity/index.html`));
    expect(severity.split(`${examples} ${tag}`).length - 1).toBe(4);
    // Nothing else on the page is tagged: the definitions and targets are the policy's.
    expect(severity.split(tag).length - 1).toBe(4);
    const caseTypes = text(page(`${lang}support/case-types/index.html`));
    expect(caseTypes.replace(/\s/g, ' ').split(`${example} ${tag}`).length - 1).toBe(9);
  });

  test.each([
    [
      'support/severity/index.html',
      /Critical .*First response 30 minutes 30 minutes Functionality restored 2 hours \(provided no code change is needed\) 2 hours/,
    ],
    ['support/severity/index.html', /Problem resolved 48 hours \(by a workaround, or by an update when no stable workaround exists\) \* 48 hours/],
    ['support/severity/index.html', /Status updates every 6 hours \(until functionality is restored\)/],
    ['support/severity/index.html', /Root-cause report no target 15 days/],
    ['support/severity/index.html', /Major .*Problem resolved 96 hours .* 120 hours/],
    ['sv/support/severity/index.html', /Svarstid 30 minuter 30 minuter/],
    ['fr/support/severity/index.html', /Problème résolu 96 heures/],
    ['support/severity/index.html', /Time spent waiting for the customer is not counted\./],
  ])('%s shows %s', (file, pattern) => {
    expect(text(page(file))).toMatch(pattern);
  });

  test('the severity page lists what no target applies to and how to change a severity', () => {
    const t = text(page('support/severity/index.html'));
    expect(t).toContain('Problems without a target');
    expect(t).toContain('Changing the severity of a case');
  });

  test('the calculator is an enhancement: hidden without JavaScript, with its data inline', () => {
    const html = page('support/severity/index.html');
    expect(html).toMatch(/<section[^>]*data-calculator[^>]*hidden/);
    expect(html).toMatch(/<script type="application\/json" data-calculator-data>\{"labels"/);
  });

  test('the case-type chooser works as plain links to each type', () => {
    const html = page('support/case-types/index.html');
    for (const id of ['issue-error', 'privacy', 'integrations', 'security', 'functional', 'defect', 'enhancement', 'performance', 'cloud-operations']) {
      expect(html).toContain(`href="#${id}"`);
      expect(html).toMatch(new RegExp(`<section id="${id}"`));
    }
    expect(text(html)).toMatch(
      /Functional .* Questions about functionality, about using the software or about training have no target\. Where it goes: Customer care can pass functional questions to Planview Consulting/,
    );
  });

  test.each(['en', 'sv', 'fr'] as const)('%s: a case type says whether severity targets apply only where the policy does', (lang) => {
    const strings = JSON.parse(readFileSync(join(ROOT, `src/i18n/${lang}.json`), 'utf8')) as Record<string, string>;
    const [applies, doesNot] = [strings['caseTypes.targets']!, strings['caseTypes.noTargets']!];
    const html = page(`${lang === 'en' ? '' : `${lang}/`}support/case-types/index.html`);
    const section = (id: string) => text(new RegExp(`<section id="${id}"[\\s\\S]*?</section>`).exec(html)?.[0] ?? '').replace(/&#39;/g, "'");
    for (const id of ['issue-error', 'defect', 'performance']) expect(section(id), id).toContain(applies);
    expect(section('enhancement'), 'enhancement').toContain(doesNot);
    // Functional also covers software that does not work as documented: only its questions are said to have no target.
    for (const id of ['functional', 'privacy', 'integrations', 'security', 'cloud-operations']) {
      expect(section(id), id).not.toBe('');
      expect(section(id), id).not.toContain(applies);
      expect(section(id), id).not.toContain(doesNot);
    }
  });

  test('the index explains the lifecycle and the support window from the policy data', () => {
    const t = text(page('support/index.html'));
    expect(t).toContain('when 10 business days pass without a reply from you after 2 reminders by e-mail');
    expect(t).toContain('the latest 2 releases are supported');
    expect(t).toMatch(/Multi-tenant products \(Planview Projectplace, Planview LeanKit, Planview Spigit\): only the latest 1 release is supported/);
    expect(page('support/index.html')).toContain('href="https://support.planview.com"');
  });

  test('the previous policy revision is reachable with what changed', () => {
    expect(page('support/index.html')).toContain('href="/support/policy-history/"');
    const t = text(page('sv/support/policy-history/index.html'));
    expect(t).toContain('REV-20201117-A');
    expect(t).toContain('Vad som ändrades i den nuvarande versionen');
    expect(text(page('support/policy-history/index.html'))).toMatch(/Problem resolved 2 business days/);
  });
});

describe('a fact changed in YAML changes every page and language that shows it', () => {
  test('a new response target, phone number and opening hour appear in all three languages', () => {
    const dir = join(tempDir('edit'), 'content');
    cpSync(join(ROOT, 'content'), dir, { recursive: true });
    const file = join(dir, 'severities.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/(own:\n\s+response:) 30 minutes/, '$1 20 minutes'));
    const hours = join(dir, 'support-hours.yaml');
    writeFileSync(
      hours,
      readFileSync(hours, 'utf8')
        .replace('+46 8 586 302 60', '+46 8 123 456 78')
        .replace('{ days: fri, open: "07:00", close: "19:00" }', '{ days: fri, open: "06:30", close: "19:00" }'),
    );
    const build = buildSite(dir);
    expect(build.status).toBe(0);
    const read = (p: string) => text(readFileSync(join(build.outDir, p), 'utf8'));
    expect(read('support/severity/index.html')).toMatch(/First response 20 minutes 30 minutes/);
    expect(read('sv/support/severity/index.html')).toMatch(/Svarstid 20 minuter 30 minuter/);
    expect(read('fr/support/severity/index.html')).toMatch(/Première réponse 20 minutes 30 minutes/);
    expect(read('support/index.html')).toContain('First response within 20 minutes');
    for (const l of ['', 'sv/', 'fr/']) {
      const html = readFileSync(join(build.outDir, `${l}support/hours/index.html`), 'utf8');
      expect(html, l).toContain('<a href="tel:+46812345678"');
      expect(html, l).not.toContain('586 302 60');
      expect(read(`${l}support/hours/index.html`), l).toMatch(/06:30–19:00/);
    }
  });
});

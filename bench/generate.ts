/**
 * Synthetic content for the benchmark: a copy of content/ without its incidents, maintenance and
 * releases, then N incidents, about N/20 maintenance windows and a release history per product,
 * all deterministic from a seed and valid for `pharos check` at the pinned now.
 *
 * Item i (0 = newest) is drawn from its own random stream (seed, kind, i), so the newest items are
 * the same at every N: anything that should stay bounded (feeds, API lists, a history page) then
 * has the same content at 1,000 and 10,000 incidents, and any growth is the build's, not the data's.
 *
 * Usage: node bench/generate.ts --incidents 1000 [--seed 8] --out DIR
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

/** The pinned "now" of every generated site (also the default content's). */
export const BENCH_NOW = '2026-11-22T10:00:00Z';
/** The seed the benchmark uses unless told otherwise. */
export const DEFAULT_SEED = 8;

/** What to generate and where. */
export interface GenerateOptions {
  /** Number of incidents. */
  incidents: number;
  /** Where to write the site; must not exist yet, or be empty. */
  dir: string;
  /** Random seed (default DEFAULT_SEED). */
  seed?: number;
  /** The content folder to copy settings from (default: the project's content/). */
  source?: string;
  /** Every time is before this instant (default BENCH_NOW). */
  now?: string;
}

/** What was written. */
export interface GenerateResult {
  dir: string;
  incidents: number;
  open: number;
  reports: number;
  translated: number;
  maintenance: number;
  releases: number;
  /** Bytes of Markdown and YAML written for incidents and maintenance. */
  bytes: number;
}

const ROOT = resolve(import.meta.dirname, '..');

/** A small, fast 32-bit generator (mulberry32): deterministic, good enough for test data. */
export function mulberry32(state: number): () => number {
  let a = state >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes a seed, a stream name and an index into one 32-bit state (FNV-1a, then a murmur finaliser). */
function streamState(seed: number, stream: string, index: number): number {
  let h = 0x811c9dc5 ^ seed;
  for (const ch of `${stream}:${index}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Random helpers over one stream. */
interface Rng {
  next: () => number;
  int: (lo: number, hi: number) => number;
  pick: <T>(items: readonly T[]) => T;
  /** k different items, in random order. */
  sample: <T>(items: readonly T[], k: number) => T[];
  chance: (p: number) => boolean;
}

function rng(seed: number, stream: string, index: number): Rng {
  const next = mulberry32(streamState(seed, stream, index));
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const sample = <T>(items: readonly T[], k: number): T[] => {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < k && pool.length > 0) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0]!);
    return out;
  };
  return { next, int, pick: (items) => items[Math.floor(next() * items.length)]!, sample, chance: (p) => next() < p };
}

const LOCALES = ['en', 'sv', 'fr'] as const;
type Lang = (typeof LOCALES)[number];
type Texts = Record<Lang, string>;

const PROBLEMS: { slug: string; title: Texts; symptom: Texts }[] = [
  {
    slug: 'slow-page-loads',
    title: { en: 'Slow page loads in {p}', sv: 'Långsamma sidladdningar i {p}', fr: 'Chargement lent des pages dans {p}' },
    symptom: {
      en: 'pages take several seconds longer than usual to open',
      sv: 'sidor tar flera sekunder längre än vanligt att öppna',
      fr: 'les pages mettent plusieurs secondes de plus que d’habitude à s’ouvrir',
    },
  },
  {
    slug: 'sign-in-errors',
    title: { en: 'Sign-in errors in {p}', sv: 'Inloggningsfel i {p}', fr: 'Erreurs de connexion dans {p}' },
    symptom: {
      en: 'some users cannot sign in and see an error page',
      sv: 'en del användare kan inte logga in och får en felsida',
      fr: 'certains utilisateurs ne peuvent pas se connecter et voient une page d’erreur',
    },
  },
  {
    slug: 'file-uploads-failing',
    title: { en: 'File uploads failing in {p}', sv: 'Filuppladdningar misslyckas i {p}', fr: 'Échec des envois de fichiers dans {p}' },
    symptom: {
      en: 'uploading a document stops halfway with an error',
      sv: 'uppladdning av dokument avbryts halvvägs med ett fel',
      fr: 'l’envoi d’un document s’interrompt à mi-chemin avec une erreur',
    },
  },
  {
    slug: 'email-notifications-delayed',
    title: { en: 'Delayed email notifications from {p}', sv: 'Försenade e-postaviseringar från {p}', fr: 'Notifications par e-mail retardées dans {p}' },
    symptom: {
      en: 'notification emails arrive up to an hour late',
      sv: 'aviseringar via e-post kommer fram upp till en timme för sent',
      fr: 'les e-mails de notification arrivent avec jusqu’à une heure de retard',
    },
  },
  {
    slug: 'reports-not-generating',
    title: { en: 'Scheduled reports not generated in {p}', sv: 'Schemalagda rapporter skapas inte i {p}', fr: 'Rapports planifiés non générés dans {p}' },
    symptom: {
      en: 'scheduled reports are not produced on time',
      sv: 'schemalagda rapporter blir inte klara i tid',
      fr: 'les rapports planifiés ne sont pas produits à l’heure',
    },
  },
  {
    slug: 'api-timeouts',
    title: { en: 'API time-outs in {p}', sv: 'Tidsgränsfel i API:et för {p}', fr: 'Délais d’attente dépassés sur l’API de {p}' },
    symptom: {
      en: 'calls to the public API time out for some integrations',
      sv: 'anrop till det publika API:et når tidsgränsen för vissa integrationer',
      fr: 'les appels à l’API publique expirent pour certaines intégrations',
    },
  },
  {
    slug: 'data-import-errors',
    title: { en: 'Data import errors in {p}', sv: 'Fel vid dataimport i {p}', fr: 'Erreurs d’importation de données dans {p}' },
    symptom: {
      en: 'data imports stop with a validation error',
      sv: 'dataimporter stoppar med ett valideringsfel',
      fr: 'les importations de données s’arrêtent sur une erreur de validation',
    },
  },
  {
    slug: 'search-missing-results',
    title: { en: 'Search results missing in {p}', sv: 'Sökresultat saknas i {p}', fr: 'Résultats de recherche manquants dans {p}' },
    symptom: {
      en: 'search does not show recently changed items',
      sv: 'sökningen visar inte nyligen ändrade objekt',
      fr: 'la recherche n’affiche pas les éléments modifiés récemment',
    },
  },
  {
    slug: 'timesheet-save-errors',
    title: {
      en: 'Timesheets cannot be saved in {p}',
      sv: 'Tidrapporter går inte att spara i {p}',
      fr: 'Impossible d’enregistrer les feuilles de temps dans {p}',
    },
    symptom: {
      en: 'saving a timesheet fails with a generic error',
      sv: 'det går inte att spara en tidrapport och ett allmänt fel visas',
      fr: 'l’enregistrement d’une feuille de temps échoue avec une erreur générique',
    },
  },
  {
    slug: 'dashboards-not-loading',
    title: { en: 'Dashboards not loading in {p}', sv: 'Instrumentpaneler laddas inte i {p}', fr: 'Les tableaux de bord ne se chargent pas dans {p}' },
    symptom: {
      en: 'dashboard widgets stay empty or show a spinner',
      sv: 'widgetar på instrumentpanelen förblir tomma eller visar en snurra',
      fr: 'les widgets des tableaux de bord restent vides ou tournent sans fin',
    },
  },
];

const REGIONS: { slug: string; name: Texts }[] = [
  { slug: 'eu', name: { en: 'EU region', sv: 'EU-regionen', fr: 'région UE' } },
  { slug: 'americas', name: { en: 'Americas region', sv: 'region Amerika', fr: 'région Amériques' } },
  { slug: 'apac', name: { en: 'Asia-Pacific region', sv: 'region Asien–Stillahavsområdet', fr: 'région Asie-Pacifique' } },
];

type Status = 'investigating' | 'identified' | 'monitoring' | 'resolved';

const OPENING: Record<Status, Texts[]> = {
  investigating: [
    {
      en: 'We are investigating reports that {s} in {p}.',
      sv: 'Vi undersöker rapporter om att {s} i {p}.',
      fr: 'Nous analysons des signalements selon lesquels {s} dans {p}.',
    },
    {
      en: 'Since {t} UTC {s} for some {p} customers.',
      sv: 'Sedan kl. {t} UTC gäller att {s} för en del kunder i {p}.',
      fr: 'Depuis {t} UTC, {s} pour une partie des clients de {p}.',
    },
  ],
  identified: [
    {
      en: 'We have found the cause: a configuration change made earlier today to {p}.',
      sv: 'Vi har hittat orsaken: en konfigurationsändring i {p} tidigare i dag.',
      fr: 'Nous avons trouvé la cause : une modification de configuration apportée plus tôt aujourd’hui à {p}.',
    },
    {
      en: 'The cause is an overloaded database server behind {p}.',
      sv: 'Orsaken är en överbelastad databasserver bakom {p}.',
      fr: 'La cause est un serveur de base de données surchargé derrière {p}.',
    },
  ],
  monitoring: [
    {
      en: 'A fix has been applied to {p} and we are watching the results.',
      sv: 'En åtgärd har införts i {p} och vi följer resultatet.',
      fr: 'Un correctif a été appliqué à {p} et nous en surveillons les effets.',
    },
    {
      en: 'Since {t} UTC {p} behaves normally again; we keep monitoring.',
      sv: 'Sedan kl. {t} UTC fungerar {p} normalt igen; vi fortsätter att övervaka.',
      fr: 'Depuis {t} UTC, {p} fonctionne de nouveau normalement ; nous restons attentifs.',
    },
  ],
  resolved: [
    {
      en: 'This incident is resolved: {p} has worked normally for more than an hour.',
      sv: 'Händelsen är löst: {p} har fungerat normalt i mer än en timme.',
      fr: 'L’incident est résolu : {p} fonctionne normalement depuis plus d’une heure.',
    },
    {
      en: 'We have seen no further errors in {p}, so we are closing this incident.',
      sv: 'Vi har inte sett fler fel i {p}, så vi avslutar händelsen.',
      fr: 'Nous ne constatons plus d’erreur dans {p} et clôturons donc cet incident.',
    },
  ],
};

const FILLER: Texts[] = [
  {
    en: 'Your data is safe and no saved change has been lost.',
    sv: 'Dina data är i säkerhet och inga sparade ändringar har gått förlorade.',
    fr: 'Vos données sont en sécurité et aucune modification enregistrée n’a été perdue.',
  },
  {
    en: 'Customers in other regions are not affected.',
    sv: 'Kunder i andra regioner påverkas inte.',
    fr: 'Les clients des autres régions ne sont pas concernés.',
  },
  {
    en: 'Our engineers are treating this as their top priority.',
    sv: 'Våra tekniker prioriterar detta före allt annat.',
    fr: 'Nos équipes en font leur priorité absolue.',
  },
  {
    en: 'Scheduled jobs that were due in this period will run automatically once the service is back.',
    sv: 'Schemalagda jobb som skulle ha körts under tiden körs automatiskt när tjänsten är tillbaka.',
    fr: 'Les traitements planifiés pendant cette période s’exécuteront automatiquement au retour du service.',
  },
  {
    en: 'Retrying the action after a few minutes usually works.',
    sv: 'Att försöka igen efter några minuter brukar fungera.',
    fr: 'Réessayer l’action après quelques minutes fonctionne généralement.',
  },
  { en: 'We will post the next update within 60 minutes.', sv: 'Nästa uppdatering kommer inom 60 minuter.', fr: 'Prochain point d’ici 60 minutes.' },
  {
    en: 'Integrations that call the service may need to repeat their last request.',
    sv: 'Integrationer som anropar tjänsten kan behöva upprepa sitt senaste anrop.',
    fr: 'Les intégrations qui appellent le service devront peut-être répéter leur dernière requête.',
  },
  {
    en: 'If anything still looks wrong, open a case at [support.planview.com](https://support.planview.com).',
    sv: 'Om något fortfarande ser fel ut kan du öppna ett ärende på [support.planview.com](https://support.planview.com).',
    fr: 'Si quelque chose vous semble encore anormal, ouvrez un dossier sur [support.planview.com](https://support.planview.com).',
  },
  {
    en: 'The problem started after routine work on the network and was not caused by any customer action.',
    sv: 'Problemet började efter rutinarbete i nätverket och orsakades inte av något kunderna gjorde.',
    fr: 'Le problème est apparu après une opération de routine sur le réseau et ne vient d’aucune action des clients.',
  },
  {
    en: 'We are moving the affected environments to healthy servers one at a time and checking each one.',
    sv: 'Vi flyttar de berörda miljöerna till fungerande servrar en i taget och kontrollerar var och en.',
    fr: 'Nous déplaçons les environnements touchés vers des serveurs sains un par un, en vérifiant chacun.',
  },
];

const BULLETS: Texts[] = [
  {
    en: 'Sign-ins and saved work are not affected.',
    sv: 'Inloggning och sparat arbete påverkas inte.',
    fr: 'Les connexions et le travail enregistré ne sont pas touchés.',
  },
  {
    en: 'Exports started during the incident may need to be run again.',
    sv: 'Exporter som startades under händelsen kan behöva köras igen.',
    fr: 'Les exports lancés pendant l’incident devront peut-être être relancés.',
  },
  {
    en: 'Mobile apps show the same behaviour as the web app.',
    sv: 'Mobilapparna beter sig likadant som webbappen.',
    fr: 'Les applications mobiles se comportent comme l’application web.',
  },
  { en: 'No action is needed on your side.', sv: 'Du behöver inte göra något.', fr: 'Aucune action n’est requise de votre part.' },
];

const MAINTENANCE_KINDS: { slug: string; title: Texts }[] = [
  { slug: 'database-upgrade', title: { en: 'Database upgrade for {p}', sv: 'Databasuppgradering för {p}', fr: 'Mise à niveau de la base de données de {p}' } },
  { slug: 'network-upgrade', title: { en: 'Network upgrade for {p}', sv: 'Nätverksuppgradering för {p}', fr: 'Mise à niveau du réseau de {p}' } },
  {
    slug: 'security-patching',
    title: { en: 'Security patching of {p} servers', sv: 'Säkerhetsuppdatering av servrar för {p}', fr: 'Correctifs de sécurité des serveurs de {p}' },
  },
  { slug: 'storage-migration', title: { en: 'Storage migration for {p}', sv: 'Flytt av lagring för {p}', fr: 'Migration du stockage de {p}' } },
];

const NOTICE_PLANNED: Texts = {
  en: 'We will carry out this work in a window of {h} hours.',
  sv: 'Arbetet utförs under ett fönster på {h} timmar.',
  fr: 'Ces travaux auront lieu dans une fenêtre de {h} heures.',
};
const NOTICE_DONE: Texts[] = [
  {
    en: 'The work on {p} is complete and the service is running normally.',
    sv: 'Arbetet med {p} är klart och tjänsten fungerar normalt.',
    fr: 'Les travaux sur {p} sont terminés et le service fonctionne normalement.',
  },
  { en: 'The maintenance of {p} finished on time.', sv: 'Underhållet av {p} blev klart i tid.', fr: 'La maintenance de {p} s’est terminée à l’heure.' },
];

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;

/** Writes a generated site; see the module comment. */
export function generateSite(options: GenerateOptions): GenerateResult {
  const seed = options.seed ?? DEFAULT_SEED;
  const now = Date.parse(options.now ?? BENCH_NOW);
  const source = options.source ?? join(ROOT, 'content');
  const dir = resolve(options.dir);
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new Error(`${dir} is not empty (expected a new folder for the generated site)`);
  mkdirSync(dir, { recursive: true });
  for (const entry of readdirSync(source)) {
    if (entry === 'incidents' || entry === 'maintenance' || entry === 'releases') continue;
    cpSync(join(source, entry), join(dir, entry), { recursive: true });
  }
  const productsFile = parse(readFileSync(join(source, 'products.yaml'), 'utf8')) as { products: { id: string; name: string; cadence?: { kind?: string } }[] };
  const severitiesFile = parse(readFileSync(join(source, 'severities.yaml'), 'utf8')) as { levels: { id: string; rank: number }[] };
  const products = productsFile.products;
  // Milder levels are the commoner ones: weight by rank.
  const severities = [...severitiesFile.levels].sort((a, b) => a.rank - b.rank).flatMap((l) => Array.from({ length: l.rank }, () => l.id));

  const result: GenerateResult = { dir, incidents: 0, open: 0, reports: 0, translated: 0, maintenance: 0, releases: 0, bytes: 0 };
  mkdirSync(join(dir, 'incidents'));
  mkdirSync(join(dir, 'maintenance'));
  mkdirSync(join(dir, 'releases'));

  // Incidents, newest first. The two newest are open; the others started at least 30 hours ago and
  // last at most 9 hours, so every update is in the past.
  let offset = 30 * HOUR;
  for (let i = 0; i < options.incidents; i++) {
    const r = rng(seed, 'incident', i);
    let start: number;
    if (i === 0) start = now - 95 * MINUTE;
    else if (i === 1) start = now - 4 * HOUR - 10 * MINUTE;
    else {
      offset += r.int(4 * 60, 20 * 60) * MINUTE;
      start = now - offset;
    }
    const file = incident(r, i, start, i < 2, products, severities);
    writeFileSync(join(dir, 'incidents', `${file.id}.md`), file.text);
    result.incidents++;
    result.bytes += file.text.length;
    if (i < 2) result.open++;
    if (file.report) result.reports++;
    if (file.translated) result.translated++;
  }

  // Maintenance, latest window first: two upcoming this week, one in progress, one cancelled, then
  // completed windows every 3 to 6 days back.
  const windows = Math.max(6, Math.ceil(options.incidents / 20));
  let back = 2 * DAY;
  for (let j = 0; j < windows; j++) {
    const r = rng(seed, 'maintenance', j);
    if (j >= 4) back += r.int(3 * 24, 6 * 24) * HOUR;
    const file = maintenance(r, j, now, back, products);
    writeFileSync(join(dir, 'maintenance', `${file.id}.md`), file.text);
    result.maintenance++;
    result.bytes += file.text.length;
  }

  // Releases every two weeks for products on a release cadence (continuous ones publish none).
  const perProduct = Math.max(3, Math.ceil(options.incidents / 250));
  for (const p of products.filter((q) => q.cadence?.kind !== 'continuous')) {
    const r = rng(seed, `releases ${p.id}`, 0);
    const lines = ['releases:'];
    let day = now - r.int(1, 13) * DAY;
    for (let k = perProduct; k >= 1; k--) {
      const summary = r.pick(RELEASE_NOTES);
      lines.push(
        `  - version: "${new Date(day).getUTCFullYear() % 100}.${k}"`,
        `    date: "${new Date(day).toISOString().slice(0, 10)}"`,
        '    notes: https://success.planview.com/',
        '    summary:',
        ...LOCALES.map((l) => `      ${l}: ${JSON.stringify(summary[l])}`),
      );
      day -= 14 * DAY;
      result.releases++;
    }
    writeFileSync(join(dir, 'releases', `${p.id}.yaml`), `${lines.join('\n')}\n`);
  }
  return result;
}

const RELEASE_NOTES: Texts[] = [
  { en: 'Bug fixes.', sv: 'Buggrättningar.', fr: 'Corrections de bogues.' },
  { en: 'Faster exports.', sv: 'Snabbare exporter.', fr: 'Exports plus rapides.' },
  { en: 'Performance and security updates.', sv: 'Prestanda- och säkerhetsuppdateringar.', fr: 'Mises à jour de performance et de sécurité.' },
  { en: 'New filters on the portfolio board.', sv: 'Nya filter på portföljtavlan.', fr: 'Nouveaux filtres sur le tableau du portefeuille.' },
];

/** An instant as ISO 8601 in UTC or at a fixed offset (content writes both). */
function iso(ms: number, offsetMinutes = 0): string {
  const local = new Date(ms + offsetMinutes * MINUTE).toISOString().slice(0, 19);
  if (offsetMinutes === 0) return `${local}Z`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function hhmm(ms: number): string {
  return new Date(ms).toISOString().slice(11, 16);
}

function fill(text: string, vars: Record<string, string>): string {
  return text.replace(/\{(\w)\}/g, (_, k: string) => vars[k] ?? '');
}

/** Localized text as YAML under `key` at `indent`: a plain string (English only) or a map. */
function yamlText(key: string, indent: number, texts: Partial<Texts>, langs: readonly Lang[]): string[] {
  const pad = ' '.repeat(indent);
  const block = (text: string, at: number) => text.split('\n').map((l) => (l === '' ? '' : `${' '.repeat(at)}${l}`));
  if (langs.length === 1) {
    const en = texts.en!;
    return en.includes('\n') ? [`${pad}${key}: |-`, ...block(en, indent + 2)] : [`${pad}${key}: ${JSON.stringify(en)}`];
  }
  const out = [`${pad}${key}:`];
  for (const l of langs) {
    const t = texts[l]!;
    if (t.includes('\n')) out.push(`${pad}  ${l}: |-`, ...block(t, indent + 4));
    else out.push(`${pad}  ${l}: ${JSON.stringify(t)}`);
  }
  return out;
}

/** A few paragraphs for one update, in every language (the same sentences, translated). */
function message(r: Rng, status: Status, vars: Record<string, string>): Texts {
  // Sentences are not repeated within one message.
  const fillers = r.sample(FILLER, 7);
  const paragraphs: Texts[][] = [[r.pick(OPENING[status]), fillers.pop()!]];
  const extra = r.int(0, 2);
  for (let k = 0; k < extra; k++) paragraphs.push(fillers.splice(0, r.int(1, 3)));
  const bold = r.chance(0.3);
  const list = r.chance(0.2) ? r.sample(BULLETS, 2) : [];
  const out = {} as Texts;
  for (const l of LOCALES) {
    const paras = paragraphs.map((p, k) => {
      const sentences = p.map((s) => fill(s[l], vars));
      if (k === 0 && bold) sentences[0] = `**${sentences[0]}**`;
      return sentences.join(' ');
    });
    if (list.length > 0) paras.push(list.map((b) => `- ${b[l]}`).join('\n'));
    out[l] = paras.join('\n\n');
  }
  return out;
}

function incident(
  r: Rng,
  i: number,
  start: number,
  open: boolean,
  products: { id: string; name: string }[],
  severities: string[],
): { id: string; text: string; report: boolean; translated: boolean } {
  const count = r.int(1, 3);
  const affected: { id: string; name: string }[] = [];
  while (affected.length < count) {
    const p = r.pick(products);
    if (!affected.includes(p)) affected.push(p);
  }
  const problem = r.pick(PROBLEMS);
  const region = r.chance(0.4) ? r.pick(REGIONS) : undefined;
  const main = affected[0]!;
  // Some incidents are written in all three languages, some in two, most in English only.
  const roll = r.next();
  const langs: readonly Lang[] = roll < 0.3 ? LOCALES : roll < 0.4 ? ['en', 'sv'] : ['en'];
  const title = {} as Texts;
  for (const l of LOCALES) title[l] = fill(problem.title[l], { p: main.name }) + (region ? ` (${region.name[l]})` : '');

  // Statuses never go backwards; a resolved incident ends with its resolved update.
  const updates = open ? r.int(2, 3) : r.int(2, 6);
  const steps: Status[] = ['investigating'];
  const middle: Status[] = ['identified', 'monitoring'];
  for (let k = 1; k < updates; k++) {
    if (!open && k === updates - 1) steps.push('resolved');
    else steps.push(middle[Math.min(1, Math.max(middle.indexOf(steps[k - 1] as Status), r.int(0, 1)))]!);
  }
  const offset = r.chance(0.2) ? r.pick([-360, -300, 60, 120]) : 0;
  let at = start + r.int(5, 25) * MINUTE;
  const lines = ['---', ...yamlText('title', 0, title, langs), `severity: ${r.pick(severities)}`, `scope: ${r.chance(0.85) ? 'own' : 'third-party'}`];
  const systemWide = r.chance(0.05);
  if (systemWide) lines.push('systemWide: true');
  lines.push('affects:', ...affected.map((p) => `  - { product: ${p.id}, impact: ${r.pick(['degraded_performance', 'partial_outage', 'major_outage'])} }`));
  lines.push(`started: "${iso(start, offset)}"`, 'updates:');
  const times: number[] = [];
  steps.forEach((status, k) => {
    if (k > 0) at += (open ? r.int(10, 30) : r.int(10, 90)) * MINUTE;
    times.push(at);
    const vars = { p: main.name, s: problem.symptom.en, t: hhmm(status === 'investigating' ? start : at - r.int(5, 10) * MINUTE) };
    const text = message(r, status, vars);
    // The symptom is a clause in each language's own words.
    for (const l of LOCALES) text[l] = text[l].replace(problem.symptom.en, problem.symptom[l]);
    lines.push(`  - at: "${iso(at, offset)}"`, `    status: ${status}`, ...yamlText('message', 4, text, langs));
  });
  if (!open) lines.push(`resolved: "${iso(at, offset)}"`);
  lines.push('---');
  // A resolved system-wide incident owes a root-cause report (pharos check warns otherwise).
  const report = !open && (systemWide || r.chance(0.1));
  if (report) lines.push('', postIncidentReport(r, start, times, main.name, problem.symptom.en));
  const day = iso(start, offset).slice(0, 10);
  const id = `${day}-${main.id}-${problem.slug}${region ? `-${region.slug}` : ''}-${i.toString(36)}`;
  return { id, text: `${lines.join('\n')}\n`, report, translated: langs.length > 1 };
}

function postIncidentReport(r: Rng, start: number, times: number[], product: string, symptom: string): string {
  const fillers = () =>
    r
      .sample(FILLER, 3)
      .map((f) => f.en)
      .join(' ');
  return [
    '## Post-incident report',
    '',
    `*Published ${new Date(times[times.length - 1]! + 3 * DAY).toISOString().slice(0, 10)}.*`,
    '',
    '### Summary',
    '',
    `From ${hhmm(start)} to ${hhmm(times[times.length - 1]!)} UTC ${symptom} in ${product}. ${fillers()}`,
    '',
    '### Timeline (UTC)',
    '',
    ...times.map(
      (t, k) => `- **${hhmm(t)}** – ${k === 0 ? 'First post on this status page.' : k === times.length - 1 ? 'The incident is closed.' : r.pick(FILLER).en}`,
    ),
    '',
    '### Root cause',
    '',
    fillers(),
    '',
    fillers(),
    '',
    '### What we changed',
    '',
    `- ${r.pick(BULLETS).en}`,
    '- Alerts now fire earlier for this kind of failure.',
    '- The runbook for this service has a new recovery step.',
  ].join('\n');
}

function maintenance(r: Rng, j: number, now: number, back: number, products: { id: string; name: string }[]): { id: string; text: string } {
  const count = r.int(1, 2);
  const affected: { id: string; name: string }[] = [];
  while (affected.length < count) {
    const p = r.pick(products);
    if (!affected.includes(p)) affected.push(p);
  }
  const kind = r.pick(MAINTENANCE_KINDS);
  const hours = r.int(2, 6);
  // j: 0 and 1 upcoming within the week, 2 in progress, 3 cancelled, others completed.
  const start = j === 0 ? now + 4 * DAY + 2 * HOUR : j === 1 ? now + 2 * DAY + 4 * HOUR : j === 2 ? now - HOUR : j === 3 ? now + 5 * DAY : now - back;
  const end = start + hours * HOUR;
  const langs: readonly Lang[] = r.chance(0.5) ? LOCALES : ['en'];
  const title = {} as Texts;
  for (const l of LOCALES) title[l] = fill(kind.title[l], { p: affected[0]!.name });
  const notices = [Math.min(start - 6 * DAY, now - 2 * DAY)];
  // A finished window says so (pharos check warns about one that never did).
  if (j >= 4) notices.push(end + r.int(5, 30) * MINUTE);
  const lines = [
    '---',
    ...yamlText('title', 0, title, langs),
    `products: [${affected.map((p) => p.id).join(', ')}]`,
    `window: { start: "${iso(start, -360)}", end: "${iso(end, -360)}" }`,
    'updates:',
  ];
  notices.forEach((at, k) => {
    const [filler, bullet, done] = [r.pick(FILLER), r.pick(BULLETS), r.pick(NOTICE_DONE)];
    const text = {} as Texts;
    for (const l of LOCALES)
      text[l] = k === 0 ? `${fill(NOTICE_PLANNED[l], { h: String(hours) })} ${filler[l]}\n\n${bullet[l]}` : fill(done[l], { p: affected[0]!.name });
    lines.push(`  - at: "${iso(at)}"`, ...yamlText('message', 4, text, langs));
  });
  if (j === 3) lines.push(`cancelled: "${iso(now - 3 * HOUR)}"`);
  lines.push(
    '---',
    '',
    '### What changes',
    '',
    r.pick(FILLER).en,
    '',
    '### Expected impact',
    '',
    `Each environment is unavailable for up to ${r.int(10, 40)} minutes during the window.`,
    '',
    '### What you need to do',
    '',
    r.pick(BULLETS).en,
  );
  const id = `${iso(start, -360).slice(0, 10)}-${affected[0]!.id}-${kind.slug}-m${j.toString(36)}`;
  return { id, text: `${lines.join('\n')}\n` };
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const out = argValue(args, '--out');
  const n = Number(argValue(args, '--incidents') ?? '100');
  if (!out || !Number.isInteger(n) || n < 1) {
    console.error('usage: node bench/generate.ts --incidents N [--seed S] --out DIR');
    process.exit(2);
  }
  const r = generateSite({ incidents: n, dir: out, seed: Number(argValue(args, '--seed') ?? DEFAULT_SEED) });
  console.log(JSON.stringify(r));
}

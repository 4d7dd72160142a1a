/**
 * The policy-history page's first line: a revision's publication date where its content gives one,
 * and none where the edition prints no date (the default site's 2020 edition shows only its
 * revision id), in every language.
 */
import { describe, expect, test } from 'vitest';
import { context } from '../../src/lib/views/incidents.ts';
import { policyHistoryView } from '../../src/lib/views/support.ts';
import { DEFAULT_CONTENT, MINIMAL, loadOrThrow } from '../helpers/fixtures.ts';

const intros = (dir: string, locale: string) => policyHistoryView(context(loadOrThrow(dir), locale, '/')).map((r) => r.intro);

describe('a previous revision is introduced with what its edition says', () => {
  test('with a publication date in content, the page gives it', () => {
    expect(intros(MINIMAL, 'en')).toEqual(['Revision 2025, published January 1, 2025. The current revision (2026) replaced it.']);
  });

  test('the 2020 edition prints no date, so the page gives none, in any language', () => {
    expect(intros(DEFAULT_CONTENT, 'en')).toEqual(['Revision REV-20201117-A. The current revision (2021) replaced it.']);
    expect(intros(DEFAULT_CONTENT, 'sv')).toEqual(['Version REV-20201117-A. Den ersattes av den nuvarande versionen (2021).']);
    expect(intros(DEFAULT_CONTENT, 'fr')).toEqual(['Révision REV-20201117-A. Elle a été remplacée par la révision actuelle (2021).']);
  });
});

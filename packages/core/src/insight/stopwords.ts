// The `stopword` package ships no types; packages that type-check core's sources (api, db) only see this declaration
// through the reference.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./stopword.d.ts" />
// Stop words per platform language. stopwords-iso (the widest maintained collection) covers en, ms, id, th, vi, tl
// (our fil), zh and pt; Burmese comes from the `stopword` package. Neither has Khmer, Lao, Tamil or Tetum, so those
// get short hand-written lists of the commonest function words below (drafts a fluent reader should extend);
// `themes.ts` also drops any term found in more than half of a language's contributions, which catches the rest.
import iso from 'stopwords-iso/stopwords-iso.json';
import { mya } from 'stopword';

const KHMER = [
  'និង',
  'នៃ',
  'ជា',
  'ដែល',
  'នៅ',
  'ក្នុង',
  'ពី',
  'ទៅ',
  'បាន',
  'មាន',
  'គឺ',
  'ត្រូវ',
  'ដើម្បី',
  'ឱ្យ',
  'អោយ',
  'ដោយ',
  'ពេល',
  'នេះ',
  'នោះ',
  'ទេ',
  'មិន',
  'ឡើយ',
  'ហើយ',
  'ឬ',
  'គួរ',
  'អាច',
  'ជាមួយ',
  'សម្រាប់',
  'របស់',
  'ចំពោះ',
  'ពួកគេ',
  'ខ្លួន',
  'លើ',
  'តែ',
  'ថា',
  'ការ',
  'ក៏',
  'ដល់',
  'មក',
  'ទៀត',
  'ច្រើន',
  'គ្រប់',
  'មុន',
  'តើ',
];
const LAO = [
  'ແລະ',
  'ຂອງ',
  'ໃນ',
  'ທີ່',
  'ເປັນ',
  'ມີ',
  'ໄດ້',
  'ຈະ',
  'ກັບ',
  'ໃຫ້',
  'ຕ້ອງ',
  'ຄວນ',
  'ບໍ່',
  'ຫຼື',
  'ຈາກ',
  'ໄປ',
  'ມາ',
  'ນີ້',
  'ນັ້ນ',
  'ແຕ່',
  'ເພື່ອ',
  'ໂດຍ',
  'ຕໍ່',
  'ກ່ຽວກັບ',
  'ເຂົາເຈົ້າ',
  'ການ',
  'ຄວາມ',
  'ກໍ່',
  'ແມ່ນ',
  'ຢູ່',
];
const TAMIL = [
  'மற்றும்',
  'ஒரு',
  'இந்த',
  'அந்த',
  'என்று',
  'உள்ள',
  'வேண்டும்',
  'அல்லது',
  'போது',
  'இருந்து',
  'மூலம்',
  'பற்றி',
  'அவர்கள்',
  'நாம்',
  'இது',
  'அது',
  'இல்லை',
  'செய்ய',
  'மேலும்',
  'கொண்ட',
  'என',
  'ஆகிய',
  'உள்ளது',
  'வேண்டும்',
];
const TETUM = [
  'ho',
  'no',
  'iha',
  'ba',
  'husi',
  'mak',
  'sira',
  "ne'e",
  'neʼe',
  'nebe',
  'neebé',
  'la',
  'atu',
  'sei',
  'tenke',
  'bele',
  'ka',
  'hanesan',
  'ida',
  'nia',
  'ami',
  'ita',
  'sira-nia',
  'hodi',
  'maibé',
  'tanba',
  'liu',
  'mós',
  'ona',
  'iha-ne',
];

const ISO_LISTS = iso as Record<string, string[]>;

/** Which list serves each platform language (fil is ISO 639-1 `tl` in stopwords-iso). */
const SOURCES: Record<string, string[]> = {
  en: ISO_LISTS.en ?? [],
  ms: ISO_LISTS.ms ?? [],
  id: ISO_LISTS.id ?? [],
  th: ISO_LISTS.th ?? [],
  vi: ISO_LISTS.vi ?? [],
  fil: ISO_LISTS.tl ?? [],
  zh: ISO_LISTS.zh ?? [],
  pt: ISO_LISTS.pt ?? [],
  my: mya,
  km: KHMER,
  lo: LAO,
  ta: TAMIL,
  tet: [...TETUM, ...(ISO_LISTS.pt ?? [])],
};

const cache = new Map<string, Set<string>>();

/** The stop words of a language (lower-cased); English's for a language the platform does not know. */
export function stopWordsFor(language: string): Set<string> {
  let set = cache.get(language);
  if (!set) {
    set = new Set([...(SOURCES[language] ?? SOURCES.en ?? [])].map((w) => w.toLocaleLowerCase(language)));
    cache.set(language, set);
  }
  return set;
}

/** Where a language's list comes from, for the analysis screen's method note. */
export function stopWordSource(language: string): 'stopwords-iso' | 'stopword' | 'hand-written' {
  if (language === 'my') return 'stopword';
  if (['km', 'lo', 'ta', 'tet'].includes(language)) return 'hand-written';
  return 'stopwords-iso';
}

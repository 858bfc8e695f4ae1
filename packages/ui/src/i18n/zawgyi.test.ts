import { describe, expect, it } from 'vitest';
import { zawgyiToUnicodeIfLikely } from './zawgyi';

describe('Zawgyi detection', () => {
  it('offers the Unicode form of Burmese typed in Zawgyi', async () => {
    // "Myanmar" typed on a Zawgyi keyboard, and the sentence of the UDHR the package's authors test with.
    expect(await zawgyiToUnicodeIfLikely('ျမန္မာ')).toBe('မြန်မာ');
    expect(await zawgyiToUnicodeIfLikely('လူတိုင္းသည္ တူညီ လြတ္လပ္ေသာ ဂုဏ္သိကၡာျဖင့္ လည္းေကာင္း')).toMatch(
      /^လူတိုင်းသည် တူညီ လွတ်လပ်သော/,
    );
  });

  it('leaves Unicode Burmese and other scripts alone', async () => {
    expect(await zawgyiToUnicodeIfLikely('မြန်မာ')).toBeNull();
    expect(await zawgyiToUnicodeIfLikely('လူတိုင်းသည် တူညီ လွတ်လပ်သော ဂုဏ်သိက္ခာဖြင့် လည်းကောင်း')).toBeNull();
    expect(await zawgyiToUnicodeIfLikely('Hello, ສະບາຍດີ, សួស្តី')).toBeNull();
    expect(await zawgyiToUnicodeIfLikely('')).toBeNull();
  });
});

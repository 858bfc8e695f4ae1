import { initialReadingLanguage } from './reading-language';
import { describe, expect, it } from 'vitest';
import { inAudience, localized, timeLeft } from './data';

describe('localized', () => {
  const text = { en: 'Advisory boards', id: 'Dewan penasihat', ms: ' ' };
  it('picks the first preferred language that has text, by base language', () => {
    expect(localized(text, ['id-ID', 'en'])).toEqual({ text: 'Dewan penasihat', language: 'id' });
  });
  it('falls back to English for blank or missing translations and unknown tags', () => {
    expect(localized(text, ['ms-MY'])).toEqual({ text: 'Advisory boards', language: 'en' });
    expect(localized(text, ['de', 'th'])).toEqual({ text: 'Advisory boards', language: 'en' });
  });
});

describe('timeLeft', () => {
  const now = new Date('2026-01-10T00:00:00Z');
  it('uses days from two days on, then hours, then minutes', () => {
    expect(timeLeft('2026-01-13T12:00:00Z', now)).toEqual({ unit: 'day', count: 3 });
    expect(timeLeft('2026-01-11T23:00:00Z', now)).toEqual({ unit: 'hour', count: 47 });
    expect(timeLeft('2026-01-10T00:00:30Z', now)).toEqual({ unit: 'minute', count: 1 });
  });
  it('is null once the deadline has passed (the deadline itself is closed)', () => {
    expect(timeLeft('2026-01-10T00:00:00Z', now)).toBeNull();
    expect(timeLeft('2026-01-09T00:00:00Z', now)).toBeNull();
  });
});

describe('inAudience', () => {
  it('lets everyone into public rounds and only invited groups into invited rounds', () => {
    expect(inAudience({ audience: 'public', invitedGroups: [] }, null)).toBe(true);
    expect(inAudience({ audience: 'invited_groups', invitedGroups: ['academia'] }, 'academia')).toBe(true);
    expect(inAudience({ audience: 'invited_groups', invitedGroups: ['academia'] }, 'industry')).toBe(false);
    expect(inAudience({ audience: 'invited_groups', invitedGroups: ['academia'] }, null)).toBe(false);
  });
  it('keeps board rounds for the Secretariat’s on-behalf entry until board membership exists', () => {
    expect(inAudience({ audience: 'board', invitedGroups: [] }, 'civil_society')).toBe(false);
  });
});

describe('initialReadingLanguage (the "Read this round in" default)', () => {
  it('keeps an earlier choice the round offers, else takes the interface language, else English', () => {
    expect(initialReadingLanguage(['en', 'km', 'th'], 'en', 'km')).toBe('km');
    expect(initialReadingLanguage(['en', 'th'], 'en', 'km')).toBe('en');
    expect(initialReadingLanguage(['en', 'th'], 'th-TH', null)).toBe('th');
    expect(initialReadingLanguage(['en', 'id'], 'vi', null)).toBe('en');
    expect(initialReadingLanguage(['en'], 'en', 'nonsense')).toBe('en');
  });
});

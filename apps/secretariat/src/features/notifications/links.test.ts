import { describe, expect, it } from 'vitest';
import { secretariatPathOf } from './links';

const id = '0b6f2a52-7c1e-4d7a-9a51-3f0e6c2b9d10';

describe('secretariatPathOf', () => {
  it('opens a followed round, board or review cycle on its Secretariat page', () => {
    expect(secretariatPathOf(`/consultations/${id}`)).toBe(`/consultations/${id}`);
    expect(secretariatPathOf(`/boards/${id}`)).toBe(`/boards/${id}`);
    expect(secretariatPathOf(`/review/${id}`)).toBe(`/review/cycles/${id}`);
  });

  it('leaves every other page to the public app', () => {
    expect(secretariatPathOf(`/consultations/${id}/respond`)).toBeNull();
    expect(secretariatPathOf(`/boards/mine/sessions/${id}`)).toBeNull();
    expect(secretariatPathOf('/my-contributions')).toBeNull();
    expect(secretariatPathOf(`//evil.example/consultations/${id}`)).toBeNull();
  });
});

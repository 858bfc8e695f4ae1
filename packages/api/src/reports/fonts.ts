// The report's fonts come from npm (@fontsource), so a fresh clone renders every script without system fonts.
// @fontsource splits each family by script; a text is drawn run by run with the first font that has its glyphs,
// and pdfkit embeds only the glyphs used (a subset), so a report carries kilobytes of each font, not megabytes.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import * as fontkit from 'fontkit';
import { isWordBreak } from './line-breaks';

const require = createRequire(import.meta.url);

export type FontWeight = 400 | 700;

/** Family and file-name prefix of each script subset, in the order a character is looked up. */
const SUBSETS: { pkg: string; prefix: string }[] = [
  { pkg: '@fontsource/noto-sans', prefix: 'noto-sans-latin' },
  { pkg: '@fontsource/noto-sans', prefix: 'noto-sans-latin-ext' },
  { pkg: '@fontsource/noto-sans', prefix: 'noto-sans-vietnamese' },
  { pkg: '@fontsource/noto-sans-khmer', prefix: 'noto-sans-khmer-khmer' },
  { pkg: '@fontsource/noto-sans-myanmar', prefix: 'noto-sans-myanmar-myanmar' },
  { pkg: '@fontsource/noto-sans-lao', prefix: 'noto-sans-lao-lao' },
  { pkg: '@fontsource/noto-sans-thai', prefix: 'noto-sans-thai-thai' },
  { pkg: '@fontsource/noto-sans-tamil', prefix: 'noto-sans-tamil-tamil' },
  { pkg: '@fontsource/noto-sans-sc', prefix: 'noto-sans-sc-chinese-simplified' },
  { pkg: '@fontsource/noto-sans', prefix: 'noto-sans-greek' },
  { pkg: '@fontsource/noto-sans', prefix: 'noto-sans-cyrillic' },
];

export interface ReportFont {
  /** The name the font is registered under in a document. */
  name: string;
  bytes: Buffer;
  hasGlyph: (codePoint: number) => boolean;
  /** The OpenType features to lay the text out with (undefined: the script's defaults). */
  featuresFor: (text: string) => Record<string, boolean> | undefined;
}

// fontkit 2.0.4 throws on some mark positioning of the @fontsource Khmer subset (ចំ: an above-mark anchor the subset
// lacks). Such a text is laid out without the above-base (then all) mark positioning rather than not at all.
const FALLBACK_FEATURES: Record<string, boolean>[] = [
  { abvm: false },
  { abvm: false, blwm: false, mark: false, mkmk: false },
];

/**
 * A WOFF file as the plain OpenType file it wraps. fontkit reads WOFF, but inflates a table again on every access:
 * laying out Chinese text from the WOFF took a minute per report, from the unwrapped font well under a second.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') return woff;
  const numTables = woff.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = 44 + i * 20;
    const offset = woff.readUInt32BE(at + 4);
    const compressedLength = woff.readUInt32BE(at + 8);
    const length = woff.readUInt32BE(at + 12);
    const stored = woff.subarray(offset, offset + compressedLength);
    return {
      tag: woff.subarray(at, at + 4),
      checksum: woff.readUInt32BE(at + 16),
      data: compressedLength < length ? inflateSync(stored) : stored,
    };
  });
  const headerLength = 12 + numTables * 16;
  const padded = (n: number) => (n + 3) & ~3;
  const out = Buffer.alloc(headerLength + tables.reduce((sum, t) => sum + padded(t.data.length), 0));
  const power = 2 ** Math.floor(Math.log2(numTables));
  woff.copy(out, 0, 4, 8); // the flavour is the sfnt version
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(power * 16, 6);
  out.writeUInt16BE(Math.log2(power), 8);
  out.writeUInt16BE(numTables * 16 - power * 16, 10);
  let offset = headerLength;
  tables.forEach((table, i) => {
    const at = 12 + i * 16;
    table.tag.copy(out, at);
    out.writeUInt32BE(table.checksum, at + 4);
    out.writeUInt32BE(offset, at + 8);
    out.writeUInt32BE(table.data.length, at + 12);
    table.data.copy(out, offset);
    offset += padded(table.data.length);
  });
  return out;
}

const loaded = new Map<FontWeight, ReportFont[]>();

function packageDir(pkg: string) {
  return path.dirname(require.resolve(`${pkg}/package.json`));
}

/** The fallback chain for a weight, read once per process (the files are read lazily, on the first report). */
export function reportFonts(weight: FontWeight): ReportFont[] {
  const cached = loaded.get(weight);
  if (cached) return cached;
  const fonts = SUBSETS.map(({ pkg, prefix }) => {
    const bytes = woffToSfnt(
      readFileSync(path.join(packageDir(pkg), 'files', `${prefix}-${weight}-normal.woff`)),
    );
    const font = fontkit.create(bytes) as fontkit.Font;
    const featuresFor = (text: string) => {
      for (const features of [undefined, ...FALLBACK_FEATURES]) {
        try {
          font.layout(text, features);
          return features;
        } catch {
          // try the next, simpler layout
        }
      }
      return FALLBACK_FEATURES[FALLBACK_FEATURES.length - 1];
    };
    return {
      name: `${prefix}-${weight}`,
      bytes,
      hasGlyph: (cp: number) => font.hasGlyphForCodePoint(cp),
      featuresFor,
    };
  });
  loaded.set(weight, fonts);
  return fonts;
}

// Marks, joiners and variation selectors belong to the character before them: splitting them off would break shaping.
const JOINS_PREVIOUS = /^[\p{M}\u200c\u200d\ufe00-\ufe0f]$/u;

/** The text cut into runs, each with the first font of the chain that has its characters. */
export function fontRuns(text: string, fonts: ReportFont[]): { font: ReportFont; text: string }[] {
  const runs: { font: ReportFont; text: string }[] = [];
  const first = fonts[0];
  if (!first) return runs;
  for (const char of text) {
    const last = runs[runs.length - 1];
    const codePoint = char.codePointAt(0) ?? 0;
    // Spaces and punctuation every font has stay in the current run, and so does a word break (see line-breaks.ts).
    if (
      last &&
      (JOINS_PREVIOUS.test(char) ||
        ((codePoint < 0x80 || isWordBreak(char)) &&
          !/[\p{L}\p{N}]/u.test(char) &&
          last.font.hasGlyph(codePoint)))
    ) {
      last.text += char;
      continue;
    }
    const font = fonts.find((f) => f.hasGlyph(codePoint)) ?? first;
    if (last && last.font === font) last.text += char;
    else runs.push({ font, text: char });
  }
  return runs;
}

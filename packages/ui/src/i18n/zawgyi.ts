// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the apps compile this file without the kit's ambient declarations
/// <reference path="./myanmar-tools.d.ts" />
/**
 * Burmese typed in the legacy Zawgyi encoding looks right on a Zawgyi phone and garbled everywhere else, and it breaks
 * search and analysis. Google's myanmar-tools detector (a small Markov model, 1.1.3: the 1.2.0 package ships without its
 * build) gives the probability that a text is Zawgyi, and its converter turns it into Unicode. Loaded only when text
 * with Myanmar letters is typed.
 */
const MYANMAR = /[\u1000-\u109F\uAA60-\uAA7F]/;
/** Above this the detector is confident (its authors suggest 0.95 for a prompt like this). */
export const ZAWGYI_THRESHOLD = 0.95;

interface Tools {
  getZawgyiProbability: (text: string) => number;
  zawgyiToUnicode: (text: string) => string;
}

let tools: Promise<Tools> | undefined;

function loadTools(): Promise<Tools> {
  tools ??= import('myanmar-tools').then((module) => {
    // A CommonJS package: its exports arrive as the default export under Vite, as named ones under Node.
    const { ZawgyiDetector, ZawgyiConverter } = module.default ?? module;
    const detector = new ZawgyiDetector();
    const converter = new ZawgyiConverter();
    return {
      getZawgyiProbability: (text) => detector.getZawgyiProbability(text),
      zawgyiToUnicode: (text) => converter.zawgyiToUnicode(text),
    };
  });
  return tools;
}

/** The Unicode version of `text` when it is very probably Zawgyi, else null (also for text without Myanmar letters). */
export async function zawgyiToUnicodeIfLikely(text: string): Promise<string | null> {
  if (!MYANMAR.test(text)) return null;
  const { getZawgyiProbability, zawgyiToUnicode } = await loadTools();
  if (getZawgyiProbability(text) < ZAWGYI_THRESHOLD) return null;
  const converted = zawgyiToUnicode(text);
  return converted === text ? null : converted;
}

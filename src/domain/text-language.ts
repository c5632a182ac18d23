// Which language a parent wrote a text in, English or Spanish, for the checks that read words (the
// tone check): the letters and messages of a household may be in either, whatever the screen's
// language. Counted by the little words each language cannot do without ("the", "and", "of" against
// "el", "los", "que", "por"): names, the plan's English terms ("IEP", "speech") and numbers weigh
// nothing. Pure.

export type TextLanguage = 'en' | 'es';

const ENGLISH = new Set(
  'the and to of in is are was were that this for my your with it its not be have has had on he she his her you they we our their would could should will please thank about from what when which who there been because'.split(
    ' ',
  ),
);

const SPANISH = new Set(
  'el la los las de del que y en un una por para con es son está están fue era mi mis su sus lo le les se al pero como más muy porque cuando también usted ustedes nosotros hijo hija gracias sido hay este esta esto ese esa eso sobre sin desde hasta ya nos qué cómo cuándo sí'.split(
    ' ',
  ),
);

/**
 * The language of `text`: Spanish when its Spanish little words outnumber its English ones (at least
 * two of them); English otherwise (the app's first language, and what a text too short to tell is
 * read as).
 */
export function textLanguage(text: string): TextLanguage {
  let english = 0;
  let spanish = 0;
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (ENGLISH.has(word)) english++;
    else if (SPANISH.has(word)) spanish++;
  }
  return spanish >= 2 && spanish > english ? 'es' : 'en';
}

/**
 * Where one sentence ends and the next begins: `.`, `!` or `?`, space, then what a sentence starts
 * with (a capital in any script, a digit, a quote, a bracket, code or emphasis). "e.g. the" stays
 * one sentence; "e.g. The" does not, a price of not knowing abbreviations.
 */
export const sentenceEnd = /(?<=[.!?])\s+(?=[\p{Lu}\p{N}"'“‘(`_*])/u;

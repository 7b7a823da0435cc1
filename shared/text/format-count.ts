/**
 * Number and text helpers that scan once, left to right: the texts they read may be long and come from users, so
 * none of them may backtrack (eslint-plugin-regexp checks the regular expressions elsewhere).
 */

/** "2881" → "2,881": groups of three digits from the right. */
export function groupDigits(digits: string): string {
  const head = digits.length % 3 || 3;
  let out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return out;
}

/** Whole numbers with thousands separators ("2,881"), the way event texts show seconds. */
export function formatCount(value: number): string {
  const sign = value < 0 ? '-' : '';
  return sign + groupDigits(String(Math.abs(Math.trunc(value))));
}

/** `text` without any of `chars` at its start and end. */
export function trimChars(text: string, chars: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && chars.includes(text[start]!)) start++;
  while (end > start && chars.includes(text[end - 1]!)) end--;
  return text.slice(start, end);
}

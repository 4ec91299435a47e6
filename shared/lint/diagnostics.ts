import type { SectionId } from '../domain/sections.ts';
import type { DiagnosticSeverity } from './rule-schema.ts';

/** One lint finding. Offsets are into that section's plain text (what Lexical's getTextContent returns). */
export interface Diagnostic {
  ruleId: string;
  section: SectionId;
  severity: DiagnosticSeverity;
  message: string;
  suggestion: string;
  start: number;
  end: number;
  /** Stable identity of this finding across edits elsewhere: what a suppression points at. */
  fingerprint: string;
}

/** A finding's message up to the end of its first sentence: the line a short list shows. */
export function messageHeadline(message: string): string {
  const cut = message.search(/[.!?](\s|$)/);
  return cut < 0 ? message : message.slice(0, cut + 1);
}

/** "Ignore this finding on this story." Kept with the story; applied after each lint. */
export interface Suppression {
  ruleId: string;
  section: SectionId;
  fingerprint: string;
  reason?: string;
}

/**
 * What a fingerprint is made of.
 *  - 'text': a finding about particular words: their normalized text and how many earlier findings of the same rule
 *    in the same section had the same text. Editing other sentences (or other sections) leaves it unchanged.
 *  - 'section': a finding about a section as a whole ("no metric in the Result"): survives any edit.
 *  - 'story': a finding about the whole answer (length): survives any edit, whichever section shows it.
 */
export type FingerprintBasis =
  | { kind: 'text'; text: string; occurrence: number }
  | { kind: 'section' }
  | { kind: 'story' };

/** Lower case, straight apostrophes, single spaces, no punctuation at either end. Idempotent. */
export function normalizeFindingText(text: string): string {
  const lower = text.toLowerCase();
  if (isNormal(lower)) return lower;
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < lower.length; i++) {
    let c = lower.charCodeAt(i);
    if (c === 0x2019) c = 39;
    if (c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x3000 || (c >= 0x2000 && c <= 0x200a)) {
      pendingSpace = out.length > 0;
      continue;
    }
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    out += String.fromCharCode(c);
  }
  // Trim punctuation at both ends (letters and digits of any script stay).
  let a = 0;
  let b = out.length;
  while (a < b && !isWordChar(out.charCodeAt(a))) a++;
  while (b > a && !isWordChar(out.charCodeAt(b - 1))) b--;
  return out.slice(a, b);
}

/** Already normalized: word characters at both ends, single plain spaces, no curly apostrophe. */
function isNormal(s: string): boolean {
  const n = s.length;
  if (n === 0) return true;
  if (!isWordChar(s.charCodeAt(0)) || !isWordChar(s.charCodeAt(n - 1))) return false;
  let prevSpace = false;
  for (let i = 1; i < n - 1; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return false;
      prevSpace = true;
      continue;
    }
    prevSpace = false;
    if (c === 0x2019 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x3000 || (c >= 0x2000 && c <= 0x200a)) return false;
  }
  return true;
}

function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && !(c >= 0x2000 && c <= 0x2bff) && !(c >= 0x3000 && c <= 0x303f);
}

function fnv1a(h: number, input: string): number {
  for (let i = 0; i < input.length; i++) {
    h ^= input.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // A separator between parts.
  h ^= 0xff;
  return Math.imul(h, 0x01000193);
}

function hashParts(seed: number, parts: readonly string[]): string {
  let h = seed >>> 0;
  for (const p of parts) h = fnv1a(h, p);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** A short, stable, opaque id: 16 hex digits. `basis.text` is normalized here (callers may pass it raw). */
export function fingerprintOf(ruleId: string, section: SectionId, basis: FingerprintBasis): string {
  let parts: string[];
  if (basis.kind === 'text') parts = [ruleId, section, 't', normalizeFindingText(basis.text), String(basis.occurrence)];
  else if (basis.kind === 'section') parts = [ruleId, section, 's'];
  else parts = [ruleId, '*', 'story'];
  return hashParts(0x811c9dc5, parts) + hashParts(0x050c5d1f, parts);
}

function suppressionKey(ruleId: string, fingerprint: string): string {
  return `${ruleId}\u0000${fingerprint}`;
}

/** Builds the suppression for a finding. */
export function suppressionFor(diagnostic: Diagnostic, reason?: string): Suppression {
  const s: Suppression = { ruleId: diagnostic.ruleId, section: diagnostic.section, fingerprint: diagnostic.fingerprint };
  if (reason !== undefined) s.reason = reason;
  return s;
}

/**
 * Drops the findings a suppression points at. Matching is by rule and fingerprint (the fingerprint already encodes
 * the section, except for whole-answer findings, which may move between sections as the story changes).
 */
export function applySuppressions(diagnostics: readonly Diagnostic[], suppressions: readonly Suppression[] | undefined): Diagnostic[] {
  if (!suppressions || suppressions.length === 0) return diagnostics.slice();
  const keys = new Set<string>();
  for (const s of suppressions) keys.add(suppressionKey(s.ruleId, s.fingerprint));
  return diagnostics.filter((d) => !keys.has(suppressionKey(d.ruleId, d.fingerprint)));
}

/** Suppressions that no longer match any finding (the problem was fixed): the UI may offer to clean them up. */
export function staleSuppressions(diagnostics: readonly Diagnostic[], suppressions: readonly Suppression[]): Suppression[] {
  const live = new Set(diagnostics.map((d) => suppressionKey(d.ruleId, d.fingerprint)));
  return suppressions.filter((s) => !live.has(suppressionKey(s.ruleId, s.fingerprint)));
}

/** A message split at its {placeholders} once, so filling it per finding is a join. */
export type CompiledTemplate = string | ReadonlyArray<string | { name: string }>;

export function compileTemplate(template: string): CompiledTemplate {
  if (!/\{[a-zA-Z]+\}/.test(template)) return template;
  const parts: Array<string | { name: string }> = [];
  let last = 0;
  for (const m of template.matchAll(/\{([a-zA-Z]+)\}/g)) {
    if (m.index > last) parts.push(template.slice(last, m.index));
    parts.push({ name: m[1]! });
    last = m.index + m[0].length;
  }
  if (last < template.length) parts.push(template.slice(last));
  return parts;
}

export function renderTemplate(template: CompiledTemplate, values: Readonly<Record<string, string | number>> | undefined): string {
  if (typeof template === 'string') return template;
  let out = '';
  for (const p of template) {
    if (typeof p === 'string') out += p;
    else {
      const v = values?.[p.name];
      out += v === undefined ? `{${p.name}}` : String(v);
    }
  }
  return out;
}


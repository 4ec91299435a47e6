import { resolve } from 'node:path';
import { SECTION_LABELS, type SectionId } from '../../../shared/domain/sections.ts';
import { sectionTexts } from '../../../shared/domain/story.ts';
import { formatDuration, MAX_PACE_WPM, MIN_PACE_WPM } from '../../../shared/domain/timing.ts';
import { analyzeStory, type CompiledRubric } from '../../../shared/lint/engine.ts';
import type { Diagnostic } from '../../../shared/lint/diagnostics.ts';
import { RubricError } from '../../../shared/lint/rubric.ts';
import { DEFAULT_VERDICT_LEVEL, judgeStory, RATING_LABELS, type Verdict } from '../../../shared/lint/verdict.ts';
import { loadFramework } from '../content-files.ts';
import { parseStoryMarkdown } from '../../../shared/story-format/story-markdown.ts';
import { EXIT, inputError, parseArgs, type CliIO, type Command } from '../io.ts';
import { loadCompiledRubric } from '../rubric-files.ts';

const USAGE = `Usage: story-bank lint [--json] [--pace WPM] [--rubric DIR] FILE...

Lints Markdown story files against the rubric (content/rubric/).

Options:
  --json         print one JSON array, per file: { file, score, findings: [{ ruleId, section, severity, message,
                 start, end }], verdicts: [{ principle, level, rating, reasons: [{ kind, text, section, start, end }],
                 nextLevel }] } (start and end are offsets into that section's plain text; rating is one of
                 strong-hire, hire, lean-hire, lean-no-hire, no-hire; the level is the story's, SDE2 when it has none)
  --pace WPM     speaking pace for the timing rules (default 150 words a minute)
  --rubric DIR   read the rubric from another folder of *.json rule files
  -h, --help     show this help

Exit status: 0 no errors, 1 an error-severity finding, 2 unreadable input (missing file, bad front matter, bad options).
`;

export interface FileReport {
  file: string;
  score: number;
  findings: Array<Pick<Diagnostic, 'ruleId' | 'section' | 'severity' | 'message' | 'start' | 'end'>>;
  verdicts: Array<Pick<Verdict, 'principle' | 'level' | 'rating' | 'reasons' | 'nextLevel'>>;
}

interface Linted {
  file: string;
  score: number;
  seconds: number;
  diagnostics: Diagnostic[];
  texts: Record<SectionId, string>;
  verdicts: Verdict[];
}

function quote(text: string, max = 100): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function humanReport(items: readonly Linted[]): string {
  const lines: string[] = [];
  const totals = { error: 0, warning: 0, suggestion: 0, positive: 0 };
  for (const item of items) {
    lines.push(`${item.file}  score ${item.score}/100  (${formatDuration(item.seconds)} spoken)`);
    for (const v of item.verdicts) {
      lines.push(`  ${v.principleName} at ${v.level}: ${RATING_LABELS[v.rating]}`);
      for (const r of v.reasons) lines.push(`    ${r.kind === 'strength' ? '+' : '-'} ${r.text}`);
      if (v.nextLevel) lines.push(`    Next level: ${v.nextLevel.needs}`);
    }
    if (item.diagnostics.length === 0) lines.push('  no findings');
    for (const d of item.diagnostics) {
      totals[d.severity]++;
      lines.push(`  ${SECTION_LABELS[d.section]}  ${d.severity}  ${d.ruleId}`);
      lines.push(`    ${d.message}`);
      if (d.severity !== 'positive') lines.push(`    Suggestion: ${d.suggestion}`);
      const quoted = item.texts[d.section].slice(d.start, d.end);
      if (quoted.trim()) lines.push(`    "${quote(quoted)}"`);
    }
    lines.push('');
  }
  const files = `${items.length} file${items.length === 1 ? '' : 's'}`;
  lines.push(`${files}: ${totals.error} error(s), ${totals.warning} warning(s), ${totals.suggestion} suggestion(s), ${totals.positive} strength(s)`);
  return lines.join('\n') + '\n';
}

export const lintCommand: Command = {
  name: 'lint',
  summary: 'lint Markdown story files against the rubric',
  usage: USAGE,
  async run(args: readonly string[], io: CliIO): Promise<number> {
    const parsed = parseArgs(args, { flags: ['--json'], values: ['--pace', '--rubric'] });
    if (parsed.errors.length) {
      io.stderr(parsed.errors.map((e) => `story-bank lint: ${e}\n`).join('') + USAGE);
      return EXIT.input;
    }
    if (parsed.positional.length === 0) {
      io.stderr(`story-bank lint: no files given\n${USAGE}`);
      return EXIT.input;
    }
    let pace: number | undefined;
    const paceText = parsed.values.get('--pace');
    if (paceText !== undefined) {
      pace = Number(paceText);
      if (!Number.isFinite(pace) || pace < MIN_PACE_WPM || pace > MAX_PACE_WPM) {
        return inputError(io, 'lint', `--pace must be a number of words a minute between ${MIN_PACE_WPM} and ${MAX_PACE_WPM}`);
      }
    }
    let rubric: CompiledRubric;
    try {
      const dir = parsed.values.get('--rubric');
      rubric = await loadCompiledRubric(dir === undefined ? undefined : resolve(io.cwd, dir));
    } catch (error) {
      const message = error instanceof RubricError ? error.message : `cannot read the rubric: ${error instanceof Error ? error.message : String(error)}`;
      return inputError(io, 'lint', message);
    }

    const linted: Linted[] = [];
    let framework: ReturnType<typeof loadFramework> | undefined;
    let unreadable = false;
    for (const file of parsed.positional) {
      let source: string;
      try {
        source = await io.readFile(resolve(io.cwd, file));
      } catch (error) {
        const code = (error as { code?: string }).code;
        const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : error instanceof Error ? error.message : String(error);
        io.stderr(`story-bank lint: cannot read ${file}: ${reason}\n`);
        unreadable = true;
        continue;
      }
      const result = parseStoryMarkdown(source);
      if (!result.ok) {
        for (const p of result.problems) io.stderr(`${file}:${p.line}: ${p.message}\n`);
        unreadable = true;
        continue;
      }
      const texts = sectionTexts(result.story.sections);
      const options = pace === undefined ? {} : { pace };
      const principles = result.story.principles.map((p) => p.id);
      const level = result.story.level ?? DEFAULT_VERDICT_LEVEL;
      const analysis = analyzeStory({ sections: texts, principles, level }, rubric, options);
      const verdicts = judgeStory({ sections: texts, title: result.story.title, principles, level, analysis, rubric, framework: (framework ??= loadFramework()) });
      linted.push({ file, score: analysis.score, seconds: analysis.timing.total.seconds, diagnostics: analysis.diagnostics, texts, verdicts });
    }

    if (parsed.flags.has('--json')) {
      const reports: FileReport[] = linted.map((l) => ({
        file: l.file,
        score: l.score,
        findings: l.diagnostics.map((d) => ({ ruleId: d.ruleId, section: d.section, severity: d.severity, message: d.message, start: d.start, end: d.end })),
        verdicts: l.verdicts.map((v) => ({ principle: v.principle, level: v.level, rating: v.rating, reasons: v.reasons, nextLevel: v.nextLevel })),
      }));
      io.stdout(JSON.stringify(reports, null, 2) + '\n');
    } else if (linted.length) {
      io.stdout(humanReport(linted));
    }
    if (unreadable) return EXIT.input;
    return linted.some((l) => l.diagnostics.some((d) => d.severity === 'error')) ? EXIT.findings : EXIT.ok;
  },
};

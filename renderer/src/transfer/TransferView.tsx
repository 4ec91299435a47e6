import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import type { StorySummary } from '../../../shared/domain/story.ts';
import type { PaperSize, SheetLayout } from '../../../shared/prep-sheet/index.ts';
import type { ImportFile, ImportOutcome, ImportPreview } from '../../../shared/transfer/import-files.ts';
import { formatImportProblem } from '../../../shared/transfer/import-files.ts';
import { utf8Encode } from '../../../shared/transfer/utf8.ts';
import { createZip } from '../../../shared/transfer/zip.ts';
import { call } from '../api/client.ts';
import { ImportPreviewTable } from './ImportPreviewTable.tsx';
import { buildSheetHtml, type SheetProgress } from './prep-sheet-job.ts';
import { readImportFiles } from './read-import-files.ts';
import { openPrintTab, printSheet, saveSheetPdf } from './print-sheet.ts';
import { saveFile, today } from './save-file.ts';
import { type Selection, selectedIds, selectionScope, StoryChooser } from './StoryChooser.tsx';

/**
 * Stories in and out: the printable prep sheet (PDF or the print dialog), Markdown and JSON backup exports, and
 * imports that are previewed before anything changes.
 */

interface Busy {
  label: string;
  done?: number;
  total?: number;
}

interface Message {
  text: string;
  error?: boolean;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function progressLabel(p: SheetProgress): Busy {
  if (p.stage === 'reading') return { label: `Reading stories: ${p.done} of ${p.total}`, done: p.done, total: p.total };
  if (p.stage === 'laying-out') return { label: `Laying out ${plural(p.total, 'story', 'stories')}…`, done: p.total, total: p.total };
  return { label: 'Printing…' };
}

function importSummary(outcome: ImportOutcome): string {
  const parts: string[] = [];
  if (outcome.added) parts.push(`${plural(outcome.added, 'story', 'stories')} added`);
  if (outcome.replaced) parts.push(`${outcome.replaced} replaced (the earlier text is in each story's history)`);
  if (outcome.unchanged) parts.push(`${outcome.unchanged} already the same`);
  if (outcome.settingsChanged) parts.push(`${plural(outcome.settingsChanged, 'setting')} changed`);
  if (outcome.loopsChanged) parts.push(`${plural(outcome.loopsChanged, 'loop')} added or replaced`);
  return parts.length ? `Imported: ${parts.join(', ')}.` : 'Nothing to import.';
}

export function TransferView(props: { readOnly: boolean; onImported(outcome: ImportOutcome): void }): ReactNode {
  const { readOnly, onImported } = props;
  const [stories, setStories] = useState<StorySummary[]>([]);
  const [selection, setSelection] = useState<Selection>({ kind: 'all' });
  const [layout, setLayout] = useState<SheetLayout>('compact');
  const [paper, setPaper] = useState<PaperSize>('a4');
  const [coverage, setCoverage] = useState(true);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [pending, setPending] = useState<{ files: ImportFile[]; skipped: string[]; preview: ImportPreview } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const loadStories = useCallback(async () => {
    setStories(await call('stories.list', { limit: 10_000 }));
  }, []);
  useEffect(() => {
    loadStories().catch((error: unknown) => setMessage({ text: error instanceof Error ? error.message : String(error), error: true }));
  }, [loadStories]);

  const ids = selectedIds(selection, stories);
  const fail = (error: unknown): void => setMessage({ text: error instanceof Error ? error.message : String(error), error: true });

  async function makeSheet(action: 'pdf' | 'print'): Promise<void> {
    if (ids.length === 0) {
      setMessage({ text: 'Choose at least one story for the sheet.', error: true });
      return;
    }
    setMessage(null);
    // Opened in the click, or the browser blocks it; filled once the sheet is ready.
    const printWindow = action === 'print' ? openPrintTab() : null;
    try {
      const html = await buildSheetHtml(
        { ids, layout, paper, coverage, scope: selectionScope(selection, ids.length) },
        (progress) => setBusy(progressLabel(progress)),
      );
      if (action === 'pdf') {
        setBusy({ label: `Making the PDF of ${plural(ids.length, 'story', 'stories')}…` });
        const name = `prep-sheet-${layout}-${today()}.pdf`;
        await saveSheetPdf(html, paper, name);
        setMessage({ text: `Saved the prep sheet (${plural(ids.length, 'story', 'stories')}) as ${name}.` });
        return;
      }
      setBusy({ label: 'Opening the print dialog…' });
      setMessage(await printSheet(html, printWindow, 'The prep sheet'));
    } catch (error) {
      printWindow?.close();
      fail(error);
    } finally {
      setBusy(null);
    }
  }

  async function exportMarkdown(): Promise<void> {
    if (ids.length === 0) {
      setMessage({ text: 'Choose at least one story to export.', error: true });
      return;
    }
    setMessage(null);
    setBusy({ label: `Exporting ${plural(ids.length, 'story', 'stories')} as Markdown…` });
    try {
      const { files } = await call('transfer.exportMarkdown', { ids });
      const [only] = files;
      if (files.length === 1 && only) {
        saveFile(only.name, only.content, 'text/markdown;charset=utf-8');
        setMessage({ text: `Saved ${only.name}.` });
      } else {
        const name = `story-bank-stories-${today()}.zip`;
        const zip = createZip(files.map((f) => ({ name: f.name, data: utf8Encode(f.content) })), new Date());
        saveFile(name, zip as Uint8Array<ArrayBuffer>, 'application/zip');
        setMessage({ text: `Saved ${plural(files.length, 'story', 'stories')} as Markdown files in ${name}.` });
      }
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  }

  async function exportBackup(): Promise<void> {
    setMessage(null);
    setBusy({ label: 'Writing the backup…' });
    try {
      const backup = await call('transfer.exportBackup', {});
      saveFile(backup.fileName, backup.content, 'application/json');
      setMessage({ text: `Saved a backup of ${plural(backup.stories, 'story', 'stories')} as ${backup.fileName}.` });
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  }

  async function chooseFiles(list: FileList | null): Promise<void> {
    const chosen = list ? [...list] : [];
    if (fileInput.current) fileInput.current.value = '';
    if (chosen.length === 0) return;
    setMessage(null);
    setPending(null);
    setBusy({ label: `Checking ${plural(chosen.length, 'file')}…` });
    try {
      const { files, skipped } = await readImportFiles(chosen);
      setPending({ files, skipped, preview: await call('transfer.previewImport', { files }) });
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  }

  async function applyImport(): Promise<void> {
    if (!pending) return;
    setBusy({ label: 'Importing…' });
    try {
      const outcome = await call('transfer.applyImport', { files: pending.files });
      setPending(null);
      setMessage({ text: importSummary(outcome) });
      onImported(outcome);
      await loadStories();
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  }

  const preview = pending?.preview;
  const changes = preview ? preview.counts.add + preview.counts.replace + preview.settings.filter((s) => s.action !== 'unchanged').length + preview.loops.filter((l) => l.action !== 'unchanged').length : 0;

  return (
    <div className="transfer-view" data-testid="transfer-view">
      <header className="transfer-header">
        <h1>Print, export and import</h1>
        <p className="transfer-subtitle">A prep sheet to read before the interview, your stories as files, and stories back in.</p>
      </header>

      <div className="transfer-status" role="status" aria-live="polite">
        {busy ? (
          <div className="transfer-progress">
            <span>{busy.label}</span>
            {busy.total ? <progress max={busy.total} value={busy.done ?? 0} aria-label={busy.label} /> : <progress aria-label={busy.label} />}
          </div>
        ) : message && !message.error ? (
          <p className="transfer-message">{message.text}</p>
        ) : null}
      </div>
      {message?.error ? (
        <p className="transfer-message error" role="alert">
          {message.text}
        </p>
      ) : null}

      <StoryChooser stories={stories} selection={selection} onChange={setSelection} />

      <section className="transfer-section" aria-labelledby="prep-sheet-heading">
        <h2 id="prep-sheet-heading">Prep sheet</h2>
        <p className="transfer-note">
          Your chosen stories on paper: title, principles, the key metric from the Result, spoken time and score. The
          coverage page shows which principles and prompts the sheet covers.
        </p>
        <div className="transfer-options">
          <fieldset className="transfer-choice">
            <legend>Layout</legend>
            <label>
              <input type="radio" name="sheet-layout" checked={layout === 'compact'} onChange={() => setLayout('compact')} />
              Compact: one card per story, a line for each STAR part
            </label>
            <label>
              <input type="radio" name="sheet-layout" checked={layout === 'full'} onChange={() => setLayout('full')} />
              Full: each story on its own page, with its prompts and follow-up probes
            </label>
          </fieldset>
          <fieldset className="transfer-choice">
            <legend>Paper</legend>
            <label>
              <input type="radio" name="sheet-paper" checked={paper === 'a4'} onChange={() => setPaper('a4')} />
              A4
            </label>
            <label>
              <input type="radio" name="sheet-paper" checked={paper === 'letter'} onChange={() => setPaper('letter')} />
              US Letter
            </label>
          </fieldset>
          <label className="transfer-check">
            <input type="checkbox" checked={coverage} onChange={(event) => setCoverage(event.target.checked)} />
            Add a coverage page
          </label>
        </div>
        <div className="transfer-actions">
          <button type="button" className="primary" disabled={busy !== null || ids.length === 0} onClick={() => void makeSheet('pdf')}>
            Save as PDF
          </button>
          <button type="button" disabled={busy !== null || ids.length === 0} onClick={() => void makeSheet('print')}>
            Print…
          </button>
          <span className="transfer-count">{plural(ids.length, 'story', 'stories')} chosen</span>
        </div>
      </section>

      <section className="transfer-section" aria-labelledby="export-heading">
        <h2 id="export-heading">Export</h2>
        <div className="transfer-row">
          <div>
            <h3>Markdown</h3>
            <p className="transfer-note">
              The chosen stories in the Markdown story format: one .md file for one story, a .zip of files for more.
            </p>
          </div>
          <button type="button" disabled={busy !== null || ids.length === 0} onClick={() => void exportMarkdown()}>
            Export {plural(ids.length, 'story', 'stories')} as Markdown
          </button>
        </div>
        <div className="transfer-row">
          <div>
            <h3>JSON backup</h3>
            <p className="transfer-note">
              Everything in one file, the trash included: stories, principles and prompts, probe notes, ignored
              findings, dismissed suggestions, practice runs and settings.
            </p>
          </div>
          <button type="button" disabled={busy !== null} onClick={() => void exportBackup()}>
            Save a JSON backup
          </button>
        </div>
      </section>

      <section className="transfer-section" aria-labelledby="import-heading">
        <h2 id="import-heading">Import</h2>
        <p className="transfer-note">
          Markdown story files (or a .zip of them) or one JSON backup. You see what would change before anything
          does; a file with a problem stops the whole import.
        </p>
        <label className={`file-button${readOnly || busy !== null ? ' disabled' : ''}`}>
          Choose files to import…
          <input
            ref={fileInput}
            type="file"
            multiple
            accept=".md,.markdown,.json,.zip,text/markdown,application/json,application/zip"
            disabled={readOnly || busy !== null}
            onChange={(event) => void chooseFiles(event.target.files)}
            aria-label="Files to import"
          />
        </label>
        {preview ? (
          <div className="import-preview" data-testid="import-preview">
            {preview.problems.length ? (
              <div className="import-problems" role="alert">
                <p>Nothing can be imported until these are fixed:</p>
                <ul>
                  {preview.problems.map((p, i) => (
                    <li key={i}>{formatImportProblem(p)}</li>
                  ))}
                </ul>
              </div>
            ) : (
              <ImportPreviewTable preview={preview} />
            )}
            {pending.skipped.length ? (
              <details className="import-skipped" data-testid="import-skipped">
                <summary>
                  {plural(pending.skipped.length, 'file')} in the archive left out (not stories)
                </summary>
                <ul>
                  {pending.skipped.map((s) => (
                    <li key={s}>{s}</li>
                  ))}
                </ul>
              </details>
            ) : null}
            <div className="transfer-actions">
              <button
                type="button"
                className="primary"
                disabled={readOnly || busy !== null || preview.problems.length > 0 || changes === 0}
                onClick={() => void applyImport()}
              >
                {changes === 0 && preview.problems.length === 0 ? 'Nothing to import' : 'Import'}
              </button>
              <button type="button" onClick={() => setPending(null)}>
                Cancel
              </button>
            </div>
          </div>
        ) : null}
      </section>
    </div>
  );
}

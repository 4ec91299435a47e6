import type { ReactNode } from 'react';
import type { ImportItem, ImportPreview } from '../../../shared/transfer/import-files.ts';

function what(item: ImportItem): string {
  if (item.action === 'add') return 'Added as a new story';
  if (item.action === 'unchanged') return 'Already the same: left as it is';
  const title = item.existing?.title ?? item.title;
  return item.match === 'id' ? `Replaces “${title}” (same story)` : `Replaces “${title}” (same title)`;
}

/** What an import would do, story by story, before anything changes. */
export function ImportPreviewTable({ preview }: { preview: ImportPreview }): ReactNode {
  const { add, replace, unchanged } = preview.counts;
  return (
    <>
      <p className="import-summary">
        {preview.kind === 'backup' ? 'From the backup: ' : ''}
        {add} to add, {replace} to replace, {unchanged} already the same.
      </p>
      <table className="import-table">
        <thead>
          <tr>
            <th scope="col">Story</th>
            <th scope="col">What happens</th>
            <th scope="col">File</th>
          </tr>
        </thead>
        <tbody>
          {preview.items.map((item, i) => (
            <tr key={i} className={`import-${item.action}`}>
              <th scope="row">{item.title}</th>
              <td>
                {what(item)}
                {item.note ? <span className="import-note">{item.note}</span> : null}
              </td>
              <td className="import-file">{item.file}</td>
            </tr>
          ))}
          {preview.loops.map((l, i) => (
            <tr key={`loop-${i}`} className={`import-${l.action}`}>
              <th scope="row">Loop “{l.name}”</th>
              <td>{l.action === 'add' ? 'Added' : l.action === 'replace' ? 'Replaced by the backup’s loop' : 'Already the same'}</td>
              <td className="import-file" />
            </tr>
          ))}
          {preview.settings.map((s) => (
            <tr key={s.key} className={`import-${s.action}`}>
              <th scope="row">Setting “{s.key}”</th>
              <td>{s.action === 'add' ? 'Set from the backup' : s.action === 'replace' ? 'Replaced by the backup’s value' : 'Already the same'}</td>
              <td className="import-file" />
            </tr>
          ))}
        </tbody>
      </table>
      {preview.skippedSettings.length ? (
        <p className="import-note">Left out (not known to this version): {preview.skippedSettings.join(', ')}.</p>
      ) : null}
    </>
  );
}

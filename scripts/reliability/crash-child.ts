import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { openAppBackend } from '../../electron/backend/app-backend.ts';
import { dispatch } from '../../shared/ipc/dispatch.ts';
import { seededRandom as random } from '../support/seeded-random.ts';
import { crashDraft } from './crash-drafts.ts';

// One life of the app as the crash harness sees it: open the bank as a host does, then save stories through the
// handlers until killed. "INTENT" is written before a call, "ACK" once the backend answered that it committed.
// Lines go straight to file descriptor 1 (synchronous), so an ACK on the pipe means the commit had returned.

const [dataDir, fromArg] = process.argv.slice(2);
if (!dataDir || !fromArg) throw new Error('usage: crash-child.ts <data-dir> <first-version>');
let version = Number(fromArg);
const say = (line: string): void => void fs.writeSync(1, `${line}\n`);

// Backups every 100 ms while saves happen, so some kills land inside a backup too.
const app = await openAppBackend({ dataDir, appVersion: 'crash-harness', backupIntervalMs: 100 });
const status = await dispatch(app.handlers, 'recovery.status', {});
if (!status.ok || (status.value as { state: string }).state !== 'ok') {
  say(`RECOVERY ${JSON.stringify(status)}`);
  process.exit(2);
}
say('READY');
const next = random(version);
let sessionId = `crash-${randomUUID()}`;
for (;;) {
  const listed = await dispatch(app.handlers, 'stories.list', { limit: 50 });
  const ids = listed.ok ? (listed.value as { id: string }[]).map((s) => s.id) : [];
  if (ids.length < 6 || next() < 0.05) {
    const v = version++;
    say(`INTENT create - ${v}`);
    const created = await dispatch(app.handlers, 'stories.create', { title: crashDraft(v).title });
    if (!created.ok) throw new Error(created.error.message);
    const id = (created.value as { id: string }).id;
    say(`ACK create ${id} ${v}`);
    continue;
  }
  if (next() < 0.1) sessionId = `crash-${randomUUID()}`;
  const id = ids[Math.floor(next() * ids.length)] as string;
  const v = version++;
  say(`INTENT save ${id} ${v}`);
  const saved = await dispatch(app.handlers, 'stories.save', { id, sessionId, draft: crashDraft(v) });
  if (!saved.ok) throw new Error(`${saved.error.code}: ${saved.error.message}`);
  say(`ACK save ${id} ${v}`);
}

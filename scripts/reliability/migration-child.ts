import fs from 'node:fs';
import { openStoryDatabase } from '../../electron/backend/database.ts';
import { CRASH_MIGRATIONS } from './migration-steps.ts';

// Migrates one database with the app's migration runner (the real steps, then a deliberately long one) and says
// START before and DONE after, so the harness can kill it in between.
const [file, backupDir] = process.argv.slice(2);
if (!file || !backupDir) throw new Error('usage: migration-child.ts <database> <backup-dir>');
fs.writeSync(1, 'START\n');
const { db } = await openStoryDatabase(file, { migrations: CRASH_MIGRATIONS, backupDir });
db.close();
fs.writeSync(1, 'DONE\n');

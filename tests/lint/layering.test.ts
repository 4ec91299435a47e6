import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer boundaries', () => {
  it.each([
    ['shared/domain/bad.ts', "import fs from 'node:fs';\nexport const x = fs;\n"],
    ['shared/domain/bad.ts', "import { x } from '../../renderer/src/x.ts';\nexport const y = x;\n"],
    ['shared/domain/bad.ts', "import Database from 'better-sqlite3';\nexport const y = Database;\n"],
    ['renderer/src/bad.ts', "import { ipcRenderer } from 'electron';\nexport const y = ipcRenderer;\n"],
    ['renderer/src/bad.ts', "import { createBackend } from '../../electron/backend/backend.ts';\nexport const y = createBackend;\n"],
    ['electron/backend/bad.ts', "import { app } from 'electron';\nexport const y = app;\n"],
  ])('refuses a forbidden import in %s', async (file, code) => {
    const messages = await restrictedImports(file, code);
    expect(messages.length).toBeGreaterThan(0);
  });

  it.each([
    ['renderer/src/ok.ts', "import { SECTION_IDS } from '../../shared/domain/sections.ts';\nexport const y = SECTION_IDS;\n"],
    ['electron/backend/ok.ts', "import fs from 'node:fs';\nexport const y = fs;\n"],
    ['electron/main/ok.ts', "import { app } from 'electron';\nexport const y = app;\n"],
  ])('allows an import along an allowed arrow in %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toEqual([]);
  });
});

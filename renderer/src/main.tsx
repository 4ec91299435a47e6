import './reliability/zod-no-eval.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserShellBridge } from './api/browser-shell-bridge.ts';
import { App } from './app/App.tsx';
import { PreferencesProvider } from './settings/preferences.tsx';
import { RecoveryGate } from './reliability/RecoveryGate.tsx';
import './styles.css';

if (!window.storyBank) {
  const token = document.querySelector<HTMLMetaElement>('meta[name="story-bank-token"]')?.content;
  if (token) window.storyBank = createBrowserShellBridge(token);
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <RecoveryGate>
        <PreferencesProvider>
          <App />
        </PreferencesProvider>
      </RecoveryGate>
    </StrictMode>,
  );
}

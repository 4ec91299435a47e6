import './app/zod-no-eval.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserShellBridge } from './api/browser-shell-bridge.ts';
import { App } from './app/App.tsx';
import { PreferencesProvider } from './settings/preferences.tsx';
import { RecoveryGate } from './backups/RecoveryGate.tsx';
import './styles.css';

// Served over HTTP, the page is the browser shell's: its calls go back to the same origin, with the session cookie.
if (!window.storyBank && (location.protocol === 'http:' || location.protocol === 'https:')) {
  window.storyBank = createBrowserShellBridge();
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

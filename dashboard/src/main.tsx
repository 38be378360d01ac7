import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './App';
import { loadI18nProvider } from './providers/i18nProvider';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The first language's messages come first (one small chunk), then the app renders in it.
void loadI18nProvider().then((i18nProvider) =>
  createRoot(root).render(
    <StrictMode>
      <App i18nProvider={i18nProvider} />
    </StrictMode>,
  ),
);

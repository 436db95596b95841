/** The web client's entry: React root, the query client and the app. */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './shell/App.tsx';
import { ApiError } from './api/http.ts';
import './styles.css';

const client = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (count, error) =>
        count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: true,
    },
  },
});

// React Aria injects a <style> for touch-action unless an element with this id exists; the CSP forbids
// inline styles, so the same rule lives in styles.css and this marker stops the injection.
const marker = document.createElement('template');
marker.id = 'react-aria-pressable-style';
document.head.append(marker);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={client}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  );
}

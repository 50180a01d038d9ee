import { setCsrfToken, setUnauthorizedHandler } from '@client/api/client.ts';
import { ApiError } from '@client/api/errors.ts';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { RouterProvider } from 'react-router';
import { rememberAuthFailure, resetSession } from './auth.ts';
import { router } from './router.tsx';
import { cssVariablesResolver, theme } from './theme.ts';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      // A 4xx will not get better by asking again.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    },
  },
});

// Any 401 means the session is gone: forget the user and go to /login (which says why).
setUnauthorizedHandler((code) => {
  rememberAuthFailure(code === 'UNAUTHENTICATED' ? 'SESSION_EXPIRED' : code);
  setCsrfToken(null);
  resetSession(queryClient, null);
  void router.navigate('/login', { replace: true });
});

export function App() {
  return (
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <Notifications position="top-right" />
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>
  );
}

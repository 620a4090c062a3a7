import { Center, Loader, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { LoginPage } from '../auth/index.ts';
import { AreaSuspense } from './AreaLoading.tsx';
import { setUnauthenticatedHandler } from './api.ts';
import {
  AccountPage,
  AdministrationPage,
  areaPages,
  DirectoryPage,
  PublicScreenPage,
  SetupPage,
} from './area-pages.tsx';
import { areas } from './areas.tsx';
import { ComingSoon } from './ComingSoon.tsx';
import { Shell } from './Shell.tsx';
import { SessionProvider, useSession } from './session.tsx';
import { theme } from './theme.ts';
import './global.css';

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
});

function RequireSession() {
  const { me, loading } = useSession();
  const location = useLocation();
  if (loading) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  if (!me) return <Navigate to="/connexion" replace state={{ from: location.pathname }} />;
  return <Shell />;
}

function Home() {
  const { me } = useSession();
  const first = areas.find((a) => me?.areas.includes(a.key));
  return <Navigate to={first?.path ?? '/compte'} replace />;
}

function UnauthenticatedRedirect() {
  const navigate = useNavigate();
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      queryClient.setQueryData(['me'], null);
      navigate('/connexion');
    });
  }, [navigate]);
  return null;
}

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <UnauthenticatedRedirect />
          <SessionProvider>
            <Routes>
              <Route path="/connexion" element={<LoginPage />} />
              <Route
                path="/premier-demarrage"
                element={
                  <AreaSuspense fullScreen>
                    <SetupPage />
                  </AreaSuspense>
                }
              />
              <Route
                path="/ecran-salle-attente"
                element={
                  <AreaSuspense fullScreen>
                    <PublicScreenPage />
                  </AreaSuspense>
                }
              />
              <Route element={<RequireSession />}>
                <Route index element={<Home />} />
                <Route
                  path="/compte"
                  element={
                    <AreaSuspense key="account">
                      <AccountPage />
                    </AreaSuspense>
                  }
                />
                <Route
                  path="/administration/*"
                  element={
                    <AreaSuspense key="admin">
                      <AdministrationPage />
                    </AreaSuspense>
                  }
                />
                <Route
                  path="/repertoire/*"
                  element={
                    <AreaSuspense key="directory">
                      <DirectoryPage />
                    </AreaSuspense>
                  }
                />
                {areas
                  .filter((a) => a.key !== 'admin')
                  .map((a) => {
                    const Page = areaPages[a.key];
                    return (
                      <Route
                        key={a.key}
                        path={`${a.path}/*`}
                        element={
                          Page ? (
                            <AreaSuspense key={a.key}>
                              <Page />
                            </AreaSuspense>
                          ) : (
                            <ComingSoon area={a.key} />
                          )
                        }
                      />
                    );
                  })}
                <Route path="*" element={<Home />} />
              </Route>
            </Routes>
          </SessionProvider>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}

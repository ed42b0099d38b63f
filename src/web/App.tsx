import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import viVN from 'antd/es/locale/vi_VN';
import { useMemo, useState } from 'react';
import { RouterProvider } from 'react-router-dom';
import { createQueryClient } from './api/query-client';
import { usePrefersReducedMotion } from './hooks/use-prefers-reduced-motion';
import { I18nProvider, useI18n } from './i18n/I18nProvider';
import { router } from './routes';

const themeToken = {
  colorPrimary: '#1456a0',
  borderRadius: 6,
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif",
};

function LocalisedApp() {
  const { language } = useI18n();
  const reducedMotion = usePrefersReducedMotion();
  const theme = useMemo(() => ({ token: { ...themeToken, motion: !reducedMotion } }), [reducedMotion]);
  return (
    <ConfigProvider locale={language === 'vi' ? viVN : enUS} theme={theme}>
      <AntApp>
        <RouterProvider router={router} />
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <LocalisedApp />
      </I18nProvider>
    </QueryClientProvider>
  );
}

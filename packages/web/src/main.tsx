import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { AuthProvider } from './app/auth';
import { AppRoutes } from './app/router';
import { THEME, Typeset } from './app/typeset';

dayjs.locale('zh-cn');

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: (n, e) => n < 1 && !('status' in (e as object)), refetchOnWindowFocus: false } },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      {/* antd/es: the ES module build of the locale (`antd/locale/zh_CN` is its CommonJS build). */}
      {/* No space put between two characters of a button (登录, 保存): the words read as written. */}
      <ConfigProvider locale={zhCN} theme={THEME} button={{ autoInsertSpace: false }}>
        <Typeset>
          <BrowserRouter>
            <AuthProvider>
              <AppRoutes />
            </AuthProvider>
          </BrowserRouter>
        </Typeset>
      </ConfigProvider>
    </QueryClientProvider>
  </StrictMode>,
);

import { Component, lazy, type ComponentType, type ErrorInfo, type LazyExoticComponent, type ReactNode } from 'react';
import { Button, Spin, theme } from 'antd';
import { CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';

/**
 * A page loaded on first visit, from its own chunk: `lazyPage(() => import('../features/x/x-page'), 'XPage')`.
 * Pages keep their named exports; the chunk is fetched once and cached by React for the rest of the visit.
 */
export function lazyPage<M extends Record<K, ComponentType>, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
): LazyExoticComponent<M[K]> {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}

/**
 * What shows while a page's chunk downloads. Nothing at all for the first 500 ms (antd Spin's `delay`), so a fast load
 * does not flash a spinner; after that a centred spinner with a Chinese caption. 500, not less: React keeps a Suspense
 * fallback on screen for at least 300 ms once shown (it batches reveals), so a shorter delay would still flash.
 * Navigations between pages run in a transition (react-router), so the previous page stays on screen meanwhile and
 * this shows only on a first load.
 */
export function PageLoading({ fullScreen = false }: { fullScreen?: boolean }) {
  return (
    <div
      style={{
        display: 'flex',
        justifyContent: 'center',
        alignItems: 'center',
        padding: 48,
        minHeight: fullScreen ? '100vh' : 200,
      }}
    >
      <Spin size="large" delay={500} description="页面加载中…" />
    </div>
  );
}

/**
 * True for the errors browsers raise when a script chunk cannot be fetched, typically because a deploy replaced the
 * hashed file names the open tab still refers to (Chromium, Firefox, Safari wording, and Vite's preload helper).
 */
export function isChunkLoadError(e: unknown): boolean {
  const message = e instanceof Error ? `${e.name} ${e.message}` : String(e);
  return /dynamically imported module|Importing a module script failed|Unable to preload|ChunkLoadError|Failed to load module script/i.test(
    message,
  );
}

interface BoundaryProps {
  children: ReactNode;
  /** The boundary forgets its error when this changes (the path), so another page can be opened from the menu. */
  resetKey?: string;
}

/**
 * Catches a page that fails to load or to render, in Chinese, with 重新加载: a chunk that is gone after a deploy needs
 * a full reload (the new index.html names the new chunks); React keeps a failed lazy import, so retrying in place
 * would fail again.
 */
export class PageErrorBoundary extends Component<BoundaryProps, { error: unknown; resetKey?: string }> {
  state: { error: unknown; resetKey?: string } = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: { error: unknown; resetKey?: string }) {
    return props.resetKey === state.resetKey ? null : { error: null, resetKey: props.resetKey };
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('页面错误', error, info.componentStack);
  }

  render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return <PageFailure chunk={isChunkLoadError(error)} />;
  }
}

/**
 * The boundary's message, laid out like antd's Result. Result itself is not used, nor Typography: Result carries its
 * 403/404/500 illustrations and Typography its editor into the entry chunk, and this must show with the entry alone.
 */
function PageFailure({ chunk }: { chunk: boolean }) {
  const { token } = theme.useToken();
  const Icon = chunk ? ExclamationCircleFilled : CloseCircleFilled;
  return (
    <div role="alert" style={{ padding: '48px 32px', textAlign: 'center', fontFamily: token.fontFamily }}>
      <Icon style={{ fontSize: 72, color: chunk ? token.colorWarning : token.colorError }} />
      <div
        style={{
          margin: '24px 0 8px',
          fontSize: token.fontSizeHeading3,
          lineHeight: token.lineHeightHeading3,
          color: token.colorTextHeading,
        }}
      >
        {chunk ? '页面加载失败' : '页面出现错误'}
      </div>
      <div style={{ fontSize: token.fontSize, color: token.colorTextDescription }}>
        {chunk
          ? '系统可能刚刚更新，或网络连接中断。请重新加载页面。'
          : '请重新加载页面；如果问题仍然存在，请联系系统管理员。'}
      </div>
      <Button type="primary" style={{ marginTop: 24 }} onClick={() => window.location.reload()}>
        重新加载
      </Button>
    </div>
  );
}

import { Result } from 'antd';

// antd's Result draws its 403/404 illustrations inline (≈ 10 KB gzipped): these pages load only when shown.

export function ForbiddenPage() {
  return <Result status="403" title="无权访问" subTitle="您的角色没有访问此页面的权限" />;
}

export function NotFoundPage() {
  return <Result status="404" title="页面不存在" />;
}

import type { ReactNode } from 'react';
import { Drawer } from 'antd';

/**
 * The side menu on phones, in a drawer from the left. Its own chunk (`app/layout.tsx` loads it the first time the
 * menu button is pressed): desktops never show it, and phones fetch it only when the menu is opened.
 */
export function MenuDrawer({ open, onClose, children }: { open: boolean; onClose: () => void; children: ReactNode }) {
  return (
    <Drawer
      open={open}
      onClose={onClose}
      placement="left"
      size={240}
      styles={{ body: { padding: 0, background: '#001529' } }}
      title="社工站综合管理平台"
    >
      {children}
    </Drawer>
  );
}

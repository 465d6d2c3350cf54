import { useState } from 'react';
import type { ThemeConfig } from 'antd';

const KEY = 'shegong.portal.largeText';

/**
 * 大字模式 of the public portal (适老化): text from 14 to 20 px and controls to match, through the antd theme so every
 * component grows with it. Remembered in this browser; a browser that refuses storage simply forgets it.
 */
export const LARGE_TEXT: ThemeConfig = { token: { fontSize: 20, controlHeight: 40 } };

export function useLargeText(): [boolean, (on: boolean) => void] {
  const [large, setLarge] = useState(() => {
    try {
      return localStorage.getItem(KEY) === '1';
    } catch {
      return false;
    }
  });
  const set = (on: boolean) => {
    setLarge(on);
    try {
      if (on) localStorage.setItem(KEY, '1');
      else localStorage.removeItem(KEY);
    } catch {
      /* private mode: the choice lasts for this visit */
    }
  };
  return [large, set];
}

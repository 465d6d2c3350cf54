import type { ReactNode } from 'react';
import { Tag, theme } from 'antd';
import {
  CATEGORY_LABELS,
  CATEGORY_SHORT,
  GENDER_LABELS,
  RISK_LABELS,
  type BeneficiaryListItem,
  type BeneficiaryCategory,
  type RiskLevel,
} from '@shegong/shared';

const RISK_COLOURS: Record<RiskLevel, string> = { high: 'error', medium: 'warning', low: 'success' };

/** R-SVC-5 risk level in the status colours (高 error, 中 warning, 低 success). */
export function RiskTag({ level }: { level: RiskLevel | null }) {
  return level ? <Tag color={RISK_COLOURS[level]}>{RISK_LABELS[level]}</Tag> : null;
}

/** The categories in force, short (低保, 特困 …), the full name on hover. */
export function CategoryTags({ categories }: { categories: readonly BeneficiaryCategory[] }) {
  return (
    <>
      {categories.map((c) => (
        <Tag key={c} color="blue" title={CATEGORY_LABELS[c]}>
          {CATEGORY_SHORT[c]}
        </Tag>
      ))}
    </>
  );
}

/** A minor or a health category (PIPL 28): seen only by the responsible worker, the project lead and the county. */
export function SensitiveTag({ sensitive }: { sensitive: boolean }) {
  return sensitive ? (
    <Tag color="purple" title="含未成年人或健康信息">
      敏感
    </Tag>
  ) : null;
}

/** What a restricted record says instead of its details (R-SCOPE-2). */
export const RESTRICTED_TEXT = '该记录含未成年人或健康信息，仅负责社工、项目主管和县级民政可查看';

/** 性别 · 年龄 as one short phrase (`女 · 9 岁`). */
export const genderAge = (b: Pick<BeneficiaryListItem, 'gender' | 'age'>) =>
  [b.gender ? GENDER_LABELS[b.gender] : null, b.age != null ? `${b.age} 岁` : null].filter(Boolean).join(' · ') || '—';

/** A section with nothing in it yet: one quiet line, not a picture (the page has many sections). */
export function Nothing({ children }: { children: ReactNode }) {
  const { token } = theme.useToken();
  return <div style={{ color: token.colorTextSecondary, padding: '4px 0', textAlign: 'start' }}>{children}</div>;
}

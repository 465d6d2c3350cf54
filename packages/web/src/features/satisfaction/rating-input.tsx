import { FrownOutlined, MehOutlined, SmileOutlined } from '@ant-design/icons';
import { ConfigProvider, Rate, theme } from 'antd';
import { RATING_LABELS } from '@shegong/shared';

const FACES = [FrownOutlined, FrownOutlined, MehOutlined, SmileOutlined, SmileOutlined];

/**
 * A rating 1 … 5 as faces, big enough for a thumb on a phone, with the chosen word beside it (非常不满意 … 非常满意).
 * A form control: `value` and `onChange` as antd Form.Item gives them.
 */
export function RatingInput({
  label,
  value,
  onChange,
  id,
}: {
  label: string;
  value?: number | null;
  onChange?: (v: number | null) => void;
  id?: string;
}) {
  const { token } = theme.useToken();
  return (
    <div role="group" aria-label={label} id={id}>
      {/* Faces not chosen in a grey that still reads as a control (WCAG 1.4.11, 3:1). */}
      <ConfigProvider theme={{ components: { Rate: { starBg: token.colorTextTertiary } } }}>
        <Rate
          value={value ?? 0}
          onChange={(v) => onChange?.(v || null)}
          character={({ index = 0 }) => {
            const Face = FACES[index]!;
            return <Face />;
          }}
          tooltips={[1, 2, 3, 4, 5].map((n) => RATING_LABELS[n]!)}
          style={{ fontSize: 40, color: token.colorWarning }}
        />
      </ConfigProvider>
      <div aria-live="polite" style={{ minHeight: 22, color: token.colorTextSecondary }}>
        {value ? RATING_LABELS[value] : '请点击表情打分'}
      </div>
    </div>
  );
}

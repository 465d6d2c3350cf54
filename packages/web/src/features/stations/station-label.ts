import { useAuth } from '../../app/auth';
import { useDivisions } from '../../lib/divisions';

/**
 * A station's name as a page shows it: 城关镇 exists in five counties, so a user who sees more than one county (the
 * city, a contractor working in several) reads the county beside the name — `清丰县·城关镇社会工作服务站`.
 */
export function useStationLabel() {
  const { user } = useAuth();
  const { data: divisions } = useDivisions();
  const me = divisions?.find((d) => d.code === user?.divisionCode);
  const manyCounties = !me || me.level === 'city';
  return (name: string, countyCode: string) => {
    const county = manyCounties ? divisions?.find((d) => d.code === countyCode)?.name : undefined;
    return county ? `${county}·${name}` : name;
  };
}

// Chinese names of request fields, so a validation message names the field the user sees.
export const FIELD_LABELS: Record<string, string> = {
  username: '用户名',
  password: '密码',
  displayName: '姓名',
  role: '角色',
  divisionCode: '所属区划',
  currentPassword: '当前密码',
  newPassword: '新密码',
  status: '状态',
  townshipCode: '乡镇（街道）',
  name: '名称',
  batchYear: '批次（年度）',
  address: '地址',
  phone: '联系电话',
  openingHours: '开放时间',
  longitude: '经度',
  latitude: '纬度',
  officeAreaM2: '办公用房面积',
  activityAreaM2: '活动用房面积',
  buildingStartedOn: '开工日期',
  openedOn: '运营日期',
  suspendedOn: '暂停日期',
  site: '场地设施清单',
  institutions: '制度建设清单',
  version: '版本号',
  page: '页码',
  pageSize: '每页条数',
  county: '县（区）',
  countyCode: '县（区）',
  kind: '类型',
  establishedOn: '成立日期',
  villageName: '村（社区）名称',
  reason: '原因',
  from: '开始日期',
  to: '结束日期',
  action: '操作类型',
  entityType: '对象类型',
  notes: '备注',
};

/** Label for a dotted field path such as `site.computer`. */
export function fieldLabel(path: string): string {
  const parts = path.split('.');
  const last = parts[parts.length - 1];
  return FIELD_LABELS[path] ?? FIELD_LABELS[last] ?? path;
}

// 附件2 service catalogue entries as loaded from shared/data/service-catalogue.json (R-SVC-2).
export interface CatalogueItem {
  domainCode: number;
  domainName: string;
  itemNumber: number;
  itemName: string;
  description: string;
}

import type { ReportLabels } from './labels-types';

export const reportLabels: ReportLabels = {
  statuses: {
    new: '新案件',
    triage: '分案中',
    investigating: '調查中',
    awaiting_reporter: '待檢舉人回覆',
    referred: '已移送',
    closed: '已結案',
  },
  categories: {
    organised_crime: '組織犯罪',
    official_protection: '官員包庇犯罪或貪腐',
    case_interference: '干預案件／施壓要求撤案',
    sector_disorder: '行業亂象',
    other: '其他',
  },
};

import type { ReportLabels } from './labels-types';

export const reportLabels: ReportLabels = {
  statuses: {
    new: '新案件',
    triage: '分办中',
    investigating: '调查中',
    awaiting_reporter: '待举报人回复',
    referred: '已移送',
    closed: '已办结',
  },
  categories: {
    organised_crime: '组织犯罪',
    official_protection: '官员包庇犯罪或腐败',
    case_interference: '干预案件/施压要求撤案',
    sector_disorder: '行业乱象',
    other: '其他',
  },
};

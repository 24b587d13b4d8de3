import type { ReportLabels } from '../../types';

export const reportLabels: ReportLabels = {
  statuses: {
    new: '新進',
    triage: '初步研判',
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
  outcomes: {
    substantiated: '查證屬實',
    unsubstantiated: '查無實據',
    duplicate: '重複檢舉',
    out_of_scope: '不在受理範圍',
    referred: '已移送他機關',
    spam: '無效訊息',
  },
  priorities: ['一般', '稍高', '高', '緊急'],
  sources: { web: '網頁表單', phone: '電話', letter: '書信', visit: '臨櫃', other: '其他' },
};

import type { ReportLabels } from '../../types';

export const reportLabels: ReportLabels = {
  statuses: {
    new: '新收',
    triage: '初步研判',
    investigating: '调查中',
    awaiting_reporter: '待举报人回复',
    referred: '已移送',
    closed: '已办结',
  },
  categories: {
    organised_crime: '组织犯罪',
    official_protection: '官员包庇犯罪或腐败',
    case_interference: '干预案件／施压要求撤案',
    sector_disorder: '行业乱象',
    other: '其他',
  },
  outcomes: {
    substantiated: '查证属实',
    unsubstantiated: '查无实据',
    duplicate: '重复举报',
    out_of_scope: '不属受理范围',
    referred: '已移送其他机关',
    spam: '无效信息',
  },
  priorities: ['一般', '较高', '高', '紧急'],
  sources: { web: '网页表单', phone: '电话', letter: '信件', visit: '来访', other: '其他' },
};

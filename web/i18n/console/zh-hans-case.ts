import type { CaseWords } from './staff-types';

export const caseWords: CaseWords = {
  statuses: {
    new: '新收',
    triage: '初步研判',
    investigating: '调查中',
    awaiting_reporter: '等待举报人回复',
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
  outcomes: {
    substantiated: '查证属实',
    unsubstantiated: '查无实据',
    duplicate: '重复举报',
    out_of_scope: '不属受理范围',
    referred: '已移送其他机关',
    spam: '无效信息',
  },
  priorities: ['0－一般', '1－较高', '2－高', '3－紧急'],
  sources: { web: '网页表单', phone: '电话', letter: '信件', visit: '来访', other: '其他' },
  reportName: '案件 {id}',
  unassigned: '未分派',
  noRegion: '未填写',
  ackOverdue: '逾期未受理',
  feedbackOverdue: '逾期未反馈',
  heldBy: '{name} 正在办理，保留至 {time}',
};

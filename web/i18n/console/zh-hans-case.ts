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
  lowEffort: '低工作量',
  lowEffortExplained:
    '这件案件是在网站负载过重时收到的，只附了很少的工作量证明，或完全没有。它可能是大量灌入的垃圾信息，也可能是未启用 JavaScript 的举报人提交的真实举报：请先阅读再判断。',
  heldBy: '{name} 正在办理，保留至 {time}',
};

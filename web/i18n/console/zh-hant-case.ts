import type { CaseWords } from './staff-types';

export const caseWords: CaseWords = {
  statuses: {
    new: '新進',
    triage: '初步研判',
    investigating: '調查中',
    awaiting_reporter: '等待檢舉人回覆',
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
  priorities: ['0－一般', '1－稍高', '2－高', '3－緊急'],
  sources: { web: '網頁表單', phone: '電話', letter: '書信', visit: '臨櫃', other: '其他' },
  reportName: '案件 {id}',
  unassigned: '未分派',
  noRegion: '未填寫',
  ackOverdue: '逾期未受理',
  feedbackOverdue: '逾期未回覆',
  lowEffort: '低工作量',
  lowEffortExplained:
    '這件案件是在網站負載過重時收到的，只附了很少的工作量證明，或完全沒有。它可能是大量灌入的垃圾訊息，也可能是未啟用 JavaScript 的檢舉人所送出的真實檢舉：請先閱讀再判斷。',
  heldBy: '{name} 正在處理，保留至 {time}',
};

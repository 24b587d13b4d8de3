import type { CaseWords } from '../../types';
import { reportLabels } from './labels';

export const caseWords: CaseWords = {
  ...reportLabels,
  reportName: '線索 {id}',
  unassigned: '未分派',
  noRegion: '未填寫',
  ackOverdue: '逾期未受理',
  feedbackOverdue: '逾期未回覆',
  lowEffort: '低工作量',
  lowEffortExplained:
    '這條線索是在網站負載過重時收到的，只附了很少的工作量證明，或完全沒有。它可能是大量灌入的垃圾訊息，也可能是未啟用 JavaScript 的檢舉人所送出的真實檢舉：請先閱讀再判斷。',
  heldBy: '{name} 正在處理，保留至 {time}',
};

import type { CaseWords } from '../../types';
import { reportLabels } from './labels';

export const caseWords: CaseWords = {
  ...reportLabels,
  reportName: '线索 {id}',
  unassigned: '未分派',
  noRegion: '未填写',
  ackOverdue: '逾期未受理',
  feedbackOverdue: '逾期未答复',
  lowEffort: '低工作量',
  lowEffortExplained:
    '这条线索是在网站负载过重时收到的，只附了很少的工作量证明，或完全没有。它可能是大量灌入的垃圾信息，也可能是未启用 JavaScript 的举报人提交的真实举报：请先阅读再判断。',
  heldBy: '{name} 正在办理，保留至 {time}',
};

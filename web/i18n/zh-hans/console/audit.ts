import type { AuditMessages } from '../../types';

export const auditMessages: AuditMessages = {
  title: '审计',
  intro: '办理系统中的操作记录与线索统计。此处不会显示任何举报内容。',
  notForRole: '审计页面仅供审计人员和系统管理员使用，您的角色无法查看。',
  chain: {
    verified: '审计记录链验证通过：共 {count} 条，每条都与前一条相连（任何一条被修改、删除或调换顺序都会使链条断开）。',
    broken: '审计记录链在第 {entryId} 条断裂（验证失败）。',
    brokenAdvice: '该条或之前的记录被篡改、删除或调换了顺序。请保留数据库副本并立即报告。',
  },
  trail: {
    heading: '审计记录',
    caption: '审计记录，最新的在前',
    columns: { id: '编号', at: '时间', actor: '人员', action: '操作', report: '线索', channel: '受理分组', detail: '详细信息' },
    system: '系统',
    unknownUsernames: '不存在或已停用的账号',
    empty: '目前没有审计记录。',
    loadMore: '加载更早的记录',
  },
  stats: {
    heading: '统计',
    intro: '仅根据线索的未加密元数据计算。',
    summaryHeading: '概要',
    total: '线索总数',
    median: '受理所需时间（中位数）',
    hours: '{count} 小时',
    noMedian: '尚无已受理的线索',
    overdueAck: '逾期未受理',
    overdueFeedback: '逾期未答复',
    countColumn: '线索数',
    noData: '目前没有线索。',
    noRegion: '未填写',
    charts: {
      byChannel: { heading: '各受理分组线索数', key: '受理分组' },
      byCategory: { heading: '各类别线索数', key: '类别' },
      byRegion: { heading: '各地区线索数', key: '地区' },
      byStatus: { heading: '各状态线索数', key: '状态' },
      byMonth: { heading: '每月收到线索数', key: '月份' },
      overdue: { heading: '逾期线索数', key: '期限' },
    },
  },
};

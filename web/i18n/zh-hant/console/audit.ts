import type { AuditMessages } from '../../types';

export const auditMessages: AuditMessages = {
  title: '稽核',
  intro: '承辦系統中的操作紀錄與線索統計。此處不會顯示任何檢舉內容。',
  notForRole: '稽核頁面僅供稽核人員及系統管理員使用，您的角色無法查看。',
  chain: {
    verified: '稽核紀錄鏈驗證通過：共 {count} 筆，每筆都與前一筆相連（任何一筆遭修改、刪除或調換順序都會使鏈斷開）。',
    broken: '稽核紀錄鏈在第 {entryId} 筆斷裂（驗證失敗）。',
    brokenAdvice: '該筆或之前的紀錄遭到竄改、刪除或調換順序。請保留資料庫副本並立即通報。',
  },
  trail: {
    heading: '稽核紀錄',
    caption: '稽核紀錄，最新的在前',
    columns: { id: '編號', at: '時間', actor: '人員', action: '操作', report: '線索', channel: '受理分組', detail: '詳細資料' },
    system: '系統',
    unknownUsernames: '不存在或已停用的帳號',
    empty: '目前沒有稽核紀錄。',
    loadMore: '載入較早的紀錄',
  },
  stats: {
    heading: '統計',
    intro: '僅根據線索的未加密中繼資料計算。',
    summaryHeading: '摘要',
    total: '線索總數',
    median: '受理所需時間（中位數）',
    hours: '{count} 小時',
    noMedian: '尚無已受理的線索',
    overdueAck: '逾期未受理',
    overdueFeedback: '逾期未回覆',
    countColumn: '線索數',
    noData: '目前沒有線索。',
    noRegion: '未填寫',
    charts: {
      byChannel: { heading: '各受理分組線索數', key: '受理分組' },
      byCategory: { heading: '各類別線索數', key: '類別' },
      byRegion: { heading: '各地區線索數', key: '地區' },
      byStatus: { heading: '各狀態線索數', key: '狀態' },
      byMonth: { heading: '每月收件數', key: '月份' },
      overdue: { heading: '逾期線索數', key: '期限' },
    },
  },
};

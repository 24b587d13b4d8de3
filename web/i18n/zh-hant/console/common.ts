import type { ConsoleMessages } from '../../types';

export const consoleMessages: ConsoleMessages = {
  consoleName: '檢舉平台承辦系統',
  nav: { queue: '待辦線索', registers: '登記簿', admin: '系統管理', audit: '稽核', signOut: '登出', label: '承辦系統' },
  loading: '載入中…',
  failed: '操作沒有成功。',
  noScript: '承辦系統需要啟用 JavaScript；公開的檢舉頁面則不需要。',
  errors: {
    unauthenticated: '登入已逾時，請重新登入。',
    forbidden: '您的角色無權執行此操作。',
    not_found: '找不到，或不屬於您負責的受理分組。',
    invalid_input: '有欄位漏填或格式不正確。',
    invalid_credentials: '帳號、密碼或驗證碼錯誤。',
    login_throttled: '登入失敗次數過多，請稍候再試。',
    busy: '伺服器忙碌中，請稍候再試。',
    invalid_transition: '此線索目前無法轉為該狀態。',
    conflict: '已有其他人先行修改，請重新載入後再試。',
    last_key_holder: '沒有其他人持有此受理分組金鑰，請先授權給其他人。',
    password_change_required: '請先變更密碼。',
    totp_enrolment_required: '請先設定兩步驟驗證。',
    csrf_rejected: '請求遭拒，請重新載入頁面。',
    network: '無法連線到伺服器。',
  },
};

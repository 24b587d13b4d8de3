import type { ConsoleMessages } from '../../types';

export const consoleMessages: ConsoleMessages = {
  consoleName: '举报平台办理系统',
  nav: { queue: '待办线索', registers: '登记簿', admin: '系统管理', audit: '审计', signOut: '退出登录', label: '办理系统' },
  loading: '加载中…',
  failed: '操作没有成功。',
  noScript: '办理系统需要启用 JavaScript；公开的举报页面则不需要。',
  errors: {
    unauthenticated: '登录已超时，请重新登录。',
    forbidden: '您的角色无权执行此操作。',
    not_found: '找不到，或不属于您负责的受理分组。',
    invalid_input: '有字段漏填或格式不正确。',
    invalid_credentials: '账号、密码或验证码错误。',
    login_throttled: '登录失败次数过多，请稍候再试。',
    busy: '服务器繁忙，请稍后再试。',
    invalid_transition: '此线索目前无法转为该状态。',
    conflict: '已有其他人先行修改，请重新加载后再试。',
    last_key_holder: '没有其他人持有此受理分组密钥，请先授权给其他人。',
    password_change_required: '请先修改密码。',
    totp_enrolment_required: '请先设置两步验证。',
    csrf_rejected: '请求被拒绝，请重新加载页面。',
    network: '无法连接到服务器。',
  },
};

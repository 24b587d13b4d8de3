import type { SiteCatalogue } from '../types';

const name = '匿名举报平台';

export const siteMessages: SiteCatalogue = {
  languageName: '简体中文',
  titles: {
    home: `${name}｜匿名举报涉黑涉恶与腐败问题`,
    report: `我要举报｜${name}`,
    receipt: `举报已提交｜${name}`,
    status: `查询办理进度｜${name}`,
    error: `出错了｜${name}`,
  },
  site: {
    siteName: name,
    skipLink: '跳到正文',
    mainNav: '主导航',
    languageNav: '语言',
    nav: { report: '我要举报', status: '查询进度' },
    footer: '本网站不使用 Cookie，不记录 IP 地址，也不加载任何其他网站的内容。',
    sentenceSpace: '',
  },
  home: {
    heading: '匿名举报涉黑涉恶与腐败问题',
    lead: '您掌握的情况可能非常重要。在这里举报无需留下姓名。提交后您会得到一个查询码，可以凭它查看办理进度，并与工作人员保持联系。',
    reportCta: '我要举报',
    statusCta: '查询办理进度',
    whatHeading: '可以举报哪些问题？',
    anonymityHeading: '我们如何保护您的匿名身份',
    anonymity: [
      { title: '不记录 IP 地址。', text: '服务器不会保存或记录您访问时的 IP 地址。' },
      { title: '不使用 Cookie。', text: '提交举报不会设置任何 Cookie，也没有任何追踪。' },
      {
        title: '只有办理部门能解密。',
        text: '举报一经收到即被加密，只有负责此类问题的办理小组持有解密钥匙；即使有人拿到数据库或服务器硬盘，也看不到您写的内容。',
      },
      { title: '时间只精确到小时。', text: '系统不会记录您填写或提交的具体分秒。' },
      { title: '支持 Tor 浏览器。', text: '所有页面在关闭 JavaScript 时都能正常使用，包括 Tor 浏览器的“最安全”级别。' },
    ],
    deviceTip: '为了更加安全，请使用您自己的手机或电脑，并通过您信任的网络访问，不要使用单位、学校的设备或 Wi-Fi。',
    codeHeading: '妥善保管您的查询码',
    codeIntro: '查询码是您再次查看举报的唯一凭证，任何人拿到它都能看到举报内容和往来消息。查询码丢失后无法补发。',
    codeAdvice: ['用纸笔抄下来，放在安全的地方。', '不要截屏或拍照，也不要发送或分享给任何人。', '不要保存在与他人共用的设备上。'],
    statusHeading: '已经举报过了？',
    statusText: '输入查询码即可查看办理状态、阅读工作人员的消息，或补充新的材料。',
  },
  errors: {
    codes: {
      payload_too_large: {
        heading: '内容过大，无法提交',
        text: '您提交的内容超过了大小上限。请点击浏览器的“返回”回到表单，精简内容后重新提交。',
      },
      unsupported_media_type: {
        heading: '无法处理此请求',
        text: '提交的数据格式不被接受。请返回表单，重新提交一次。',
      },
      rate_limited: {
        heading: '尝试次数过多',
        text: '当前收到的请求过多。请稍等几分钟，再返回上一页重试。',
      },
      service_unavailable: {
        heading: '系统繁忙',
        text: '您的内容尚未保存。请稍等一分钟，再点击浏览器的“返回”回到表单，重新提交。',
      },
      internal_error: {
        heading: '系统出错了',
        text: '请稍后再试。如果您提交举报后没有看到查询码，说明这份举报没有提交成功。',
      },
      not_found_page: { heading: '找不到该页面', text: '网址可能有误，或者该页面已不存在。' },
      generic: { heading: '出错了', text: '请稍后再试。' },
    },
    homeLink: '返回首页',
  },
};

import type { ReportMessages } from '../types';

const KEPT = '您填写的内容都还在。';

export const reportMessages: ReportMessages = {
  heading: '我要举报',
  intro: '请告诉我们您掌握的情况。只有前两项必填。您填写的全部内容都会加密，只有负责此类问题的办理小组能够阅读。',
  requiredMark: '（必填）',
  fields: {
    category: { label: '举报的问题属于哪一类？' },
    details: {
      label: '发生了什么事？',
      hint: '请说明谁做了什么、在何时何地，以及您是如何得知的。除非您愿意，否则不必写下自己的姓名。至少 20 个字。',
    },
    region: {
      label: '所在市、县',
      hint: '此项不加密保存，用于把举报分派给对应的办理部门，因此请只填写市或县，不要填写详细地址。',
    },
    location: { label: '发生地点', hint: '地址、单位或店铺名称、地标均可。此项会加密。' },
    subjects: { label: '涉及哪些人？', hint: '姓名、职务、公司名称、车牌号等，知道多少写多少。' },
    occurredAt: { label: '发生时间', hint: '日期、一段时间，或“目前仍在发生”。' },
    officialsInvolved: { label: '是否有公职人员参与？' },
    officialsDetails: { label: '涉及哪些公职人员？他们做了什么？', hint: '不知道姓名的话，写出职务或所在单位即可。' },
    discouraged: {
      label: '是否有人试图掩盖此事，或劝阻您举报？',
      hint: '例如威胁、利诱，或让您不要再追究。请说明是谁、何时、以什么方式。',
    },
    'contact.name': { label: '姓名' },
    'contact.phone': { label: '电话' },
    'contact.email': { label: '电子邮箱' },
  },
  categories: {
    organised_crime: { label: '组织犯罪', hint: '黑恶势力、暴力讨债、欺行霸市、开设赌场、非法放贷、贩毒或拐卖人口等。' },
    official_protection: { label: '官员包庇犯罪或腐败', hint: '公职人员充当“保护伞”、收受贿赂、滥用职权或为他人谋取利益。' },
    case_interference: {
      label: '干预案件／施压要求撤案',
      hint: '有人向公安、检察院或法院打招呼、施压，或逼迫被害人、证人撤案。',
    },
    sector_disorder: { label: '行业乱象', hint: '某些行业中的违法乱象，例如围标串标、强买强卖、垄断市场或非法采砂。' },
    other: { label: '其他', hint: '其他您认为应当查处的违法犯罪或不当行为。' },
  },
  officials: { yes: '是', no: '否', unknown: '不清楚' },
  contactLegend: '您的联系方式（选填）',
  contactHint:
    '这几项全部留空，您的举报就是匿名的。如果填写，联系方式会单独加密；工作人员必须说明理由才能查看，每次查看都会留下记录。',
  beforeSubmit: '提交后您会得到一个查询码，请提前准备好纸笔。',
  submit: '提交举报',
  sending: '正在提交…',
  counter: {
    under: '已输入 {count} 字，至少还需 {needed} 字',
    over: '超出上限 {excess} 字',
    within: '已输入 {count} 字（上限 {max} 字）',
  },
  errorSummary: '请修改以下问题',
  problems: {
    required: '此项为必填项。',
    too_short: '请至少输入 {min} 个字。',
    too_long: '最多 {max} 个字。',
    invalid_choice: '请从选项中选择一项。',
    invalid_email: '请输入有效的电子邮箱地址，例如 name@example.com，或者留空。',
    invalid: '格式似乎不正确，请再检查一下，或者留空。',
    tracking_code_format: '查询码应为 20 位数字。',
    tracking_code_check_digit: '查询码有误，请逐位核对。',
  },
  fieldProblems: {
    category: { required: '请选择举报的类别。', invalid_choice: '请从列出的类别中选择一项。' },
    details: {
      required: '请说明发生了什么事。',
      too_short: '请至少写 {min} 个字，工作人员才有足够的信息进行办理。',
      too_long: '最多 {max} 个字。其余内容可以在提交后凭查询码补充。',
    },
    region: { too_long: '最多 {max} 个字，填写市或县即可。' },
    officialsInvolved: { invalid_choice: '请选择“是”“否”或“不清楚”。' },
    'contact.phone': { invalid: '请输入电话号码（可包含数字、空格、+、- 和括号），或者留空。' },
  },
  failures: {
    payload_too_large: `内容过大，无法提交。请精简后再试。${KEPT}`,
    unsupported_media_type: `举报没有提交成功，请再试一次。${KEPT}`,
    rate_limited: `当前收到的举报过多，请稍等几分钟再提交。${KEPT}`,
    service_unavailable: `系统繁忙，请稍等一分钟再提交。${KEPT}`,
    busy: `网站仍然非常繁忙，举报还没有提交成功。${KEPT}请过几分钟再试一次。`,
    network: `无法连接到服务器。请检查网络连接后再提交。${KEPT}`,
    other: `出错了，举报没有提交成功。请稍后再试。${KEPT}`,
  },
  busyNotice: '目前网站非常繁忙，您的举报还没有提交。您填写的内容都还在下方；如果添加过附件，请重新选择。请在{wait}后再提交一次。',
  retrying: '网站繁忙。您的举报已保留在这里，正在重新提交…',
  waitAbout: { seconds: '约 {count} 秒', minutes: '约 {count} 分钟' },
  receipt: {
    heading: '举报已提交',
    intro: '您的举报已经加密，并转交给办理小组。这是您的查询码：',
    codeLabel: '查询码',
    keepHeading: '请妥善保管查询码',
    keep: [
      '现在就用纸笔抄下来，并逐位核对。',
      '不要截屏或拍照，也不要发给任何人或存到网盘。',
      '不要保存在与他人共用的设备上，也不要保存在单位或学校配发的设备上。',
      '任何人拿到查询码都能看到您的举报和往来消息。查询码丢失后无法补发。',
    ],
    next: '过几天请再回来，凭查询码查看办理进度；工作人员可能会在那里向您提问。',
    statusLink: '查询办理进度',
    notShownAgain: '本页不会被缓存，查询码也不会再次显示。',
  },
};

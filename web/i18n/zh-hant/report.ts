import type { ReportMessages } from '../types';

const KEPT = '您輸入的內容都還在。';

export const reportMessages: ReportMessages = {
  heading: '我要檢舉',
  intro: '請告訴我們您知道的情況。只有前兩題必填。您填寫的所有內容都會加密，只有負責該類案件的承辦小組能夠閱讀。',
  requiredMark: '（必填）',
  fields: {
    category: { label: '檢舉的事情屬於哪一類？' },
    details: {
      label: '發生了什麼事？',
      hint: '請說明誰做了什麼、在何時何地，以及您是怎麼知道的。除非您願意，否則不必寫下自己的姓名。至少 20 個字。',
    },
    region: {
      label: '縣市',
      hint: '此欄不加密儲存，用來把檢舉分派給正確的承辦單位，所以請只填縣市，不要填地址。',
    },
    location: { label: '發生地點', hint: '地址、店家名稱或地標皆可。此欄會加密。' },
    subjects: { label: '涉及哪些人？', hint: '姓名、職稱、公司行號、車牌號碼等，知道多少寫多少。' },
    occurredAt: { label: '發生時間', hint: '日期、一段期間，或「仍在持續中」。' },
    officialsInvolved: { label: '是否有公務員涉入？' },
    officialsDetails: { label: '涉入的公務員是誰？做了什麼？', hint: '不知道姓名的話，寫出職務或服務單位即可。' },
    discouraged: {
      label: '是否有人試圖掩蓋這件事，或勸阻您檢舉？',
      hint: '例如威脅、利誘，或要您別再追究。請說明是誰、何時、用什麼方式。',
    },
    'contact.name': { label: '姓名' },
    'contact.phone': { label: '電話' },
    'contact.email': { label: '電子郵件' },
  },
  categories: {
    organised_crime: { label: '組織犯罪', hint: '幫派、暴力討債、圍事、地下賭場、地下錢莊、毒品或人口販運等。' },
    official_protection: { label: '官員包庇犯罪或貪腐', hint: '公務員包庇不法、收受賄賂、濫用職權或圖利他人。' },
    case_interference: {
      label: '干預案件／施壓要求撤案',
      hint: '有人向警察、檢察官或法院關說施壓，或逼迫被害人、證人撤回告訴。',
    },
    sector_disorder: { label: '行業亂象', hint: '某個行業中常見的不法行為，例如圍標綁標、強迫交易、壟斷市場或盜採砂石。' },
    other: { label: '其他', hint: '其他您認為應該調查的犯罪或不當行為。' },
  },
  officials: { yes: '是', no: '否', unknown: '不清楚' },
  contactLegend: '您的聯絡方式（選填）',
  contactHint:
    '這幾欄全部留空，您的檢舉就是匿名的。如果填寫，聯絡資料會另外加密；承辦人員必須說明理由才能查看，每次查看都會留下紀錄。',
  beforeSubmit: '送出後您會取得一組查詢碼，請先準備好紙筆。',
  submit: '送出檢舉',
  sending: '送出中…',
  counter: {
    under: '已輸入 {count} 字，至少還需要 {needed} 字',
    over: '超過上限 {excess} 字',
    within: '已輸入 {count} 字（上限 {max} 字）',
  },
  errorSummary: '請修正以下問題',
  problems: {
    required: '此欄為必填。',
    too_short: '請至少輸入 {min} 個字。',
    too_long: '最多 {max} 個字。',
    invalid_choice: '請從選項中選擇一項。',
    invalid_email: '請輸入有效的電子郵件地址，例如 name@example.com，或是留空。',
    invalid: '格式似乎不正確，請再確認，或是留空。',
    tracking_code_format: '查詢碼應為 20 位數字。',
    tracking_code_check_digit: '查詢碼有誤，請逐一核對每個數字。',
  },
  fieldProblems: {
    category: { required: '請選擇檢舉的類別。', invalid_choice: '請從列出的類別中選擇一項。' },
    details: {
      required: '請說明發生了什麼事。',
      too_short: '請至少寫 {min} 個字，承辦人員才有足夠的資訊處理。',
      too_long: '最多 {max} 個字。其餘內容可以在送出後，用查詢碼補充。',
    },
    region: { too_long: '最多 {max} 個字，填寫縣市即可。' },
    officialsInvolved: { invalid_choice: '請選擇「是」、「否」或「不清楚」。' },
    'contact.phone': { invalid: '請輸入電話號碼（可包含數字、空格、+、- 與括號），或是留空。' },
  },
  failures: {
    payload_too_large: `內容太大，無法送出。請縮短後再試一次。${KEPT}`,
    unsupported_media_type: `檢舉沒有送出，請再試一次。${KEPT}`,
    rate_limited: `目前收到的檢舉太多，請稍候幾分鐘再送出。${KEPT}`,
    service_unavailable: `系統忙碌中，請稍候一分鐘再送出。${KEPT}`,
    busy: `網站仍然非常忙碌，檢舉還沒有送出。${KEPT}請過幾分鐘再試一次。`,
    network: `無法連線到伺服器。請檢查網路連線後再送出。${KEPT}`,
    other: `發生錯誤，檢舉沒有送出。請稍後再試。${KEPT}`,
  },
  busyNotice: '目前網站非常忙碌，您的檢舉還沒有送出。您寫的內容都還在下方；如果有附加檔案，請重新選擇。請在{wait}後再送出一次。',
  retrying: '網站忙碌中。您的檢舉已保留在這裡，正在重新送出…',
  waitAbout: { seconds: '約 {count} 秒', minutes: '約 {count} 分鐘' },
  receipt: {
    heading: '檢舉已送出',
    intro: '您的檢舉已經加密，並交給承辦小組。這是您的查詢碼：',
    codeLabel: '查詢碼',
    keepHeading: '請妥善保管查詢碼',
    keep: [
      '現在就用紙筆抄下來，並逐一核對每個數字。',
      '不要截圖或拍照，也不要傳給任何人或存到雲端。',
      '不要存放在與他人共用的裝置，或公司、學校提供的裝置上。',
      '任何人拿到查詢碼都能看到您的檢舉與往來訊息。查詢碼遺失後無法補發。',
    ],
    next: '過幾天請再回來，用查詢碼查看處理進度；承辦人員可能會在那裡向您提問。',
    statusLink: '查詢處理進度',
    notShownAgain: '本頁不會被快取，查詢碼也不會再顯示一次。',
  },
};

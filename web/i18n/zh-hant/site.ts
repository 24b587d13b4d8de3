import type { SiteCatalogue } from '../types';

const name = '匿名檢舉平台';

export const siteMessages: SiteCatalogue = {
  languageName: '繁體中文',
  titles: {
    home: `${name}｜匿名檢舉組織犯罪與貪腐`,
    report: `我要檢舉｜${name}`,
    receipt: `檢舉已送出｜${name}`,
    status: `查詢處理進度｜${name}`,
    error: `發生錯誤｜${name}`,
  },
  site: {
    siteName: name,
    skipLink: '跳到主要內容',
    mainNav: '主選單',
    languageNav: '語言',
    nav: { report: '我要檢舉', status: '查詢進度' },
    footer: '本網站不使用 Cookie、不記錄 IP 位址，也不載入任何其他網站的內容。',
    sentenceSpace: '',
  },
  home: {
    heading: '匿名檢舉組織犯罪與貪腐',
    lead: '您知道的事情可能很重要。在這裡檢舉不必留下姓名。送出後您會取得一組查詢碼，可以用來查看處理進度，並與承辦人員保持聯繫。',
    reportCta: '我要檢舉',
    statusCta: '查詢處理進度',
    whatHeading: '可以檢舉哪些事？',
    anonymityHeading: '我們如何保護您的匿名性',
    anonymity: [
      { title: '不記錄 IP 位址。', text: '伺服器不會保存或記錄您連線時的 IP 位址。' },
      { title: '不使用 Cookie。', text: '提出檢舉不會設定任何 Cookie，也沒有任何追蹤。' },
      {
        title: '只有承辦單位能解密。',
        text: '檢舉一送達就會加密，只有負責該類案件的承辦小組持有解密鑰匙；即使有人取得資料庫或伺服器硬碟，也看不到您寫的內容。',
      },
      { title: '時間只記到整點。', text: '系統不會記錄您填寫或送出的確切分秒。' },
      { title: '可使用 Tor 瀏覽器。', text: '所有頁面在關閉 JavaScript 時都能正常使用，包括 Tor 瀏覽器的「最安全」等級。' },
    ],
    deviceTip: '為了更安全，請使用自己的手機或電腦，並透過您信任的網路連線，不要使用公司、學校的裝置或 Wi-Fi。',
    codeHeading: '妥善保管您的查詢碼',
    codeIntro: '查詢碼是您回來查看檢舉的唯一方式，任何人拿到它都能看到檢舉內容與往來訊息。查詢碼遺失後無法補發。',
    codeAdvice: ['用紙筆抄下來，收在安全的地方。', '不要截圖或拍照，也不要傳送或分享給任何人。', '不要存放在與他人共用的裝置上。'],
    statusHeading: '已經檢舉過了嗎？',
    statusText: '輸入查詢碼即可查看處理狀態、閱讀承辦人員的訊息，或補充新的資料。',
  },
  errors: {
    codes: {
      payload_too_large: {
        heading: '內容太大，無法送出',
        text: '您送出的內容超過大小上限。請按瀏覽器的「上一頁」回到表單，縮短內容後再送出一次。',
      },
      unsupported_media_type: {
        heading: '無法處理這個請求',
        text: '送出的資料格式不被接受。請回到表單，再送出一次。',
      },
      rate_limited: {
        heading: '嘗試次數過多',
        text: '目前收到的請求太多。請稍候幾分鐘，再回到上一頁重試。',
      },
      service_unavailable: {
        heading: '系統忙碌中',
        text: '您的資料尚未儲存。請稍候一分鐘，再按瀏覽器的「上一頁」回到表單，重新送出。',
      },
      internal_error: {
        heading: '系統發生錯誤',
        text: '請稍後再試。如果您送出檢舉後沒有看到查詢碼，表示這份檢舉並未成功送達。',
      },
      not_found_page: { heading: '找不到這個頁面', text: '網址可能有誤，或這個頁面已經不存在。' },
      generic: { heading: '發生錯誤', text: '請稍後再試。' },
    },
    homeLink: '回到首頁',
  },
};

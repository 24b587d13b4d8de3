import type { UploadMessages } from '../types';

export const uploadMessages: UploadMessages = {
  legend: '證據檔案（選填）',
  noticeCleaned: 'JPEG 與 PNG 照片：送出時會刪除檔案裡記錄的拍攝地點、相機型號與拍攝時間。',
  noticeNotCleaned:
    'PDF、Office 文件、影片及其他檔案會原封不動地儲存。這些檔案可能含有透露您身分的資訊，例如作者姓名、修訂紀錄或影片中的位置，請在送出前自行刪除。',
  keepLabel: '保留照片的拍攝時間與地點',
  keepHint: '只有在拍攝時間與地點有助於證明檢舉內容時才勾選。這些資料也可能透露您當時的行蹤。',
  label: '選擇檔案',
  limitsHint: '最多 {files} 個檔案，每個不超過 {fileSize}，合計不超過 {total}。',
  problems: {
    too_many_files: '一次最多只能傳送 {files} 個檔案。其餘檔案可以在送出後再補充。',
    file_too_large: '每個檔案不能超過 {fileSize}。',
    submission_too_large: '所有檔案合計不能超過 {total}。其餘檔案可以在送出後再補充。',
    file_not_cleanable: '有一張照片無法清除其中的隱藏資料，所以沒有送出。請移除這張照片，或另存成新的檔案後再試一次。',
    files_before_fields: '檔案沒有送出，請再試一次。',
  },
  chooseAgain: '您輸入的文字都還在，但檔案需要重新選擇。',
  chosen: '已選擇的檔案',
  remove: '移除',
  count: '已選擇 {count} 個檔案。',
};

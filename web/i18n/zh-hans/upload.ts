import type { UploadMessages } from '../types';

export const uploadMessages: UploadMessages = {
  legend: '证据文件（选填）',
  noticeCleaned: 'JPEG 和 PNG 照片：提交时会删除文件中记录的拍摄地点、相机型号和拍摄时间。',
  noticeNotCleaned:
    'PDF、Office 文档、视频及其他文件会原样保存。这些文件可能包含暴露您身份的信息，例如作者姓名、修订记录或视频中的位置，请在提交前自行删除。',
  keepLabel: '保留照片的拍摄时间和地点',
  keepHint: '只有当拍摄时间和地点有助于证明举报内容时才勾选。这些信息也可能暴露您当时的行踪。',
  label: '选择文件',
  limitsHint: '最多 {files} 个文件，每个不超过 {fileSize}，总计不超过 {total}。',
  problems: {
    too_many_files: '一次最多只能提交 {files} 个文件。其余文件可以在提交后再补充。',
    file_too_large: '每个文件不能超过 {fileSize}。',
    submission_too_large: '所有文件总计不能超过 {total}。其余文件可以在提交后再补充。',
    file_not_cleanable: '有一张照片无法清除其中的隐藏信息，所以没有提交。请移除这张照片，或另存为新文件后再试一次。',
    files_before_fields: '文件没有提交成功，请再试一次。',
  },
  chooseAgain: '您输入的文字都还在，但需要重新选择文件。',
  chosen: '已选择的文件',
  remove: '移除',
  count: '已选择 {count} 个文件。',
};

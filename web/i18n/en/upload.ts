/**
 * The evidence-file part of the report and follow-up forms. Placeholders:
 * {files} the most files at once, {fileSize} the most per file, {total} the
 * most for all files together.
 */
export const uploadMessages = {
  legend: 'Evidence files (optional)',
  noticeCleaned: 'JPEG and PNG photos: the place, camera and time recorded inside the file are removed when you send it.',
  noticeNotCleaned:
    'PDF, office documents, video and all other files are stored exactly as they are. They can hold details that identify you, such as an author name, tracked changes or a location in a video: remove them yourself before sending.',
  keepLabel: 'Keep the photos’ time and place',
  keepHint: 'Tick this only when the time and place help prove the tip. They can also show where you were.',
  label: 'Choose files',
  limitsHint: 'Up to {files} files, each up to {fileSize}, {total} in all.',
  problems: {
    too_many_files: 'You can send at most {files} files at a time. You can send more afterwards.',
    file_too_large: 'Each file can be at most {fileSize}.',
    submission_too_large: 'All files together can be at most {total}. You can send more afterwards.',
    file_not_cleanable:
      'A photo could not be cleaned of its hidden details, so nothing was sent. Remove it, or save it again as a new copy, and try again.',
    files_before_fields: 'The files could not be sent. Try again.',
  },
  chooseAgain: 'What you typed is kept, but the files must be chosen again.',
  chosen: 'Chosen files',
  remove: 'Remove',
  /** Spoken after files are added or removed. */
  count: { one: '1 file chosen.', other: '{count} files chosen.' },
};

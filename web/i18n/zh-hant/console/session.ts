import type { SessionMessages } from '../../types';

export const sessionMessages: SessionMessages = {
  signOut: '登出',
  signedInAs: '目前登入：{name}',
  idleWarning: '您已有一段時間沒有操作，登入狀態將於 {time} 結束，除非您選擇繼續登入。',
  staySignedIn: '繼續登入',
  stillSignedIn: '您仍在登入狀態。',
  signOutFailed: '登出要求未送達伺服器。為了安全，請關閉這個瀏覽器視窗。',
};

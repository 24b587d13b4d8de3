import type { SessionMessages } from '../../types';

export const sessionMessages: SessionMessages = {
  signOut: '退出登录',
  signedInAs: '当前登录：{name}',
  idleWarning: '您已有一段时间没有操作，登录状态将于 {time} 结束，除非您选择保持登录。',
  staySignedIn: '保持登录',
  stillSignedIn: '您仍处于登录状态。',
  signOutFailed: '退出请求未送达服务器。为安全起见，请关闭这个浏览器窗口。',
};

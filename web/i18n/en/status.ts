import type { FieldProblem } from '../../../contract/report-fields';
import type { WaitMessages } from '../fill';
import { typed } from '../keys';

/** Messages for the status lookup and the status details (what the status island loads). */
export const statusMessages = {
  heading: 'Check your report',
  intro:
    'Enter the 20-digit tracking code you got when you made the report to see its status, read messages from the handling team and add information.',
  codeLabel: 'Tracking code',
  codeHint: '20 digits. Spaces and dashes don’t matter.',
  notInUrl: 'The code is sent only inside the form, never in the page address, and it is not logged.',
  submit: 'Check',
  checking: 'Checking…',
  codeLooksRight: 'The code looks right.',
  errorSummary: 'There is a problem',
  problems: {
    required: 'Enter your tracking code.',
    tracking_code_format: 'A tracking code has 20 digits.',
    tracking_code_check_digit: 'This code has a typo: a digit is wrong or two are swapped. Check it against your note.',
    not_found: 'No report matches this code. Check it and try again.',
    busy: 'The site is very busy right now, so your code has not been checked yet. Please try again in {wait}.',
  },
  failures: {
    payload_too_large: 'That is too large to send. Shorten it and try again.',
    unsupported_media_type: 'That could not be sent. Try again.',
    rate_limited: 'Too many attempts right now. Wait a few minutes and try again.',
    service_unavailable: 'The service is busy. Wait a minute and try again.',
    busy: 'The site is still very busy. Nothing was lost: try again in a few minutes.',
    network: 'The server could not be reached. Check your connection and try again.',
    other: 'Something went wrong. Try again later.',
  },
  retrying: 'The site is busy. Checking again…',
  /** How long to wait before trying again: "about 30 seconds", "about 2 minutes" (waitAbout in fill.ts). */
  waitAbout: typed<WaitMessages>({ seconds: 'about {count} seconds', minutes: { one: 'about a minute', other: 'about {count} minutes' } }),
  details: {
    heading: 'Your report',
    statusLabel: 'Status',
    receivedLabel: 'Received',
    statuses: {
      received: { label: 'Received', text: 'Your report has arrived and is waiting to be read.' },
      acknowledged: { label: 'Acknowledged', text: 'The handling team has read your report and taken it on.' },
      in_progress: { label: 'In progress', text: 'Your report is being looked into. This can take a while.' },
      referred: {
        label: 'Referred',
        text: 'Your report has been passed to the authority with the power to act on it, such as the police or prosecutors.',
      },
      closed: { label: 'Closed', text: 'Work on your report has finished. You can still read the messages here.' },
    },
    allStatuses: 'What the statuses mean',
    publicMessageHeading: 'Note from the handling team',
    messagesHeading: 'Messages',
    noMessages: 'No messages yet.',
    filesHeading: 'Files you sent',
    noFiles: 'You have not sent any files.',
    fromStaff: 'Handling team',
    fromYou: 'You',
    followUpHeading: 'Write to the handling team',
    followUpLabel: 'Add information',
    followUpHint: 'Answer the team’s questions or tell them about anything new. It is encrypted before it is stored.',
    followUpSubmit: 'Send',
    sending: 'Sending…',
    messageSent: 'Your message has been sent.',
    /** `{max}` is the limit. */
    followUpProblems: typed<Partial<Record<FieldProblem, string>> & { required: string; too_long: string }>({
      required: 'Write your message or choose a file first.',
      too_long: 'Use {max} characters or fewer. You can send the rest in another message.',
    }),

    leaveAdvice: 'When you have finished, close this tab. On a shared device, also clear the browsing history.',
    lookupAnother: 'Check another code',
    notSentHeading: 'Your message has not been sent yet',
    busyNotice:
      'The site is very busy right now, so your message has not been sent yet. It is still below; if you chose files, choose them again. Please send it again in {wait}.',
    retrying: 'The site is busy. Your message is kept here and is being sent again…',
    backToReport: 'Back to your report',
    /** An hour in UTC: {year}, {month} (a name from `months`), {day} and {hour} (two digits). */
    time: '{day} {month} {year}, {hour}:00 UTC',
    months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  },
};

import type { ReportFieldName } from '../../../contract/field-names';
import type { FieldProblem } from '../../../contract/report-fields';
import type { WaitMessages } from '../fill';
import { typed, type FieldText } from '../keys';

/** Messages for the report form and the receipt (what the report island loads). */
export const reportMessages = {
  heading: 'Make a report',
  intro:
    'Tell us what you know. Only the first two questions are required. Everything you write is encrypted for the team that handles this kind of report.',
  requiredMark: '(required)',
  fields: typed<Record<ReportFieldName, FieldText>>({
    category: { label: 'What is your report about?' },
    details: {
      label: 'What happened?',
      hint: 'Who did what, when and where, and how you know. Leave out your own name unless you want to give it. At least 20 characters.',
    },
    region: {
      label: 'City or county',
      hint: 'This is stored unencrypted so that the report reaches the right team: give only the city or county, not an address.',
    },
    location: { label: 'Where did it happen?', hint: 'An address, a business name or a landmark. This is encrypted.' },
    subjects: { label: 'Who is involved?', hint: 'Names, job titles, companies, vehicle plates — whatever you know.' },
    occurredAt: { label: 'When did it happen?', hint: 'A date, a period, or “still going on”.' },
    officialsInvolved: { label: 'Are any public officials involved?' },
    officialsDetails: {
      label: 'Which officials, and what did they do?',
      hint: 'Their position or office is enough if you don’t know their names.',
    },
    discouraged: {
      label: 'Has anyone tried to cover this up or to stop you reporting it?',
      hint: 'For example threats, offers, or being told to let it go. Say who, when and how.',
    },
    'contact.name': { label: 'Name' },
    'contact.phone': { label: 'Phone' },
    'contact.email': { label: 'Email' },
  }),
  categories: {
    organised_crime: {
      label: 'Organised crime',
      hint: 'Gangs, protection rackets, violent debt collection, illegal gambling, loan sharks, drug or people trafficking.',
    },
    official_protection: {
      label: 'Officials protecting crime, or corruption',
      hint: 'A public official shielding criminals, taking bribes or abusing their position.',
    },
    case_interference: {
      label: 'Interference in a case, or pressure to drop it',
      hint: 'Someone leaning on police, prosecutors or judges, or pushing a victim or witness to withdraw.',
    },
    sector_disorder: {
      label: 'Abuses in a trade or industry',
      hint: 'Bid rigging, forced deals, market bullying, illegal sand mining and similar practices in a sector.',
    },
    other: { label: 'Something else', hint: 'Any other crime or wrongdoing you think should be looked into.' },
  },
  officials: { yes: 'Yes', no: 'No', unknown: 'I don’t know' },
  contactLegend: 'Your contact details (optional)',
  contactHint:
    'Leave these empty and your report stays anonymous. If you fill them in, they are encrypted separately: the handling team must give a reason to see them, and each time is recorded.',
  beforeSubmit: 'When you send the report you will get a tracking code. Have a pen and paper ready.',
  submit: 'Send report',
  sending: 'Sending…',
  /** The character counter under the details box. */
  counter: {
    under: '{count} characters — at least {needed} more needed',
    over: '{excess} characters too many',
    within: '{count} of {max} characters',
  },
  errorSummary: 'There is a problem',
  problems: {
    required: 'This is required.',
    too_short: 'Write at least {min} characters.',
    too_long: 'Use {max} characters or fewer.',
    invalid_choice: 'Choose one of the options.',
    invalid_email: 'Enter an email address like name@example.com, or leave it empty.',
    invalid: 'This doesn’t look right. Check it, or leave it empty.',
    tracking_code_format: 'A tracking code has 20 digits.',
    tracking_code_check_digit: 'This tracking code has a typo. Check each digit.',
  },
  /** `{min}` and `{max}` are the field's limits. */
  fieldProblems: typed<Partial<Record<ReportFieldName, Partial<Record<FieldProblem, string>>>>>({
    category: {
      required: 'Choose what your report is about.',
      invalid_choice: 'Choose one of the listed categories.',
    },
    details: {
      required: 'Describe what happened.',
      too_short: 'Write at least {min} characters so the team has something to act on.',
      too_long: 'Use {max} characters or fewer. You can add more later with your tracking code.',
    },
    region: { too_long: 'Use {max} characters or fewer — the city or county is enough.' },
    officialsInvolved: { invalid_choice: 'Choose yes, no or I don’t know.' },
    'contact.phone': { invalid: 'Enter a phone number using digits, spaces, +, - or brackets, or leave it empty.' },
  }),
  failures: {
    payload_too_large: 'The report is too large to send. Shorten it and try again. Nothing you typed has been lost.',
    unsupported_media_type: 'The report could not be sent. Try again. Nothing you typed has been lost.',
    rate_limited: 'Too many reports are arriving right now. Wait a few minutes and send again. Nothing you typed has been lost.',
    service_unavailable: 'The service is busy. Wait a minute and send again. Nothing you typed has been lost.',
    busy: 'The site is still very busy and your report has not been sent. Nothing you typed has been lost: try again in a few minutes.',
    network: 'The server could not be reached. Check your connection and send again. Nothing you typed has been lost.',
    other: 'Something went wrong and the report was not sent. Try again later. Nothing you typed has been lost.',
  },
  busyNotice:
    'The site is very busy right now, so your report has not been sent yet. Everything you wrote is still below; if you chose files, choose them again. Please send it again in {wait}.',
  retrying: 'The site is busy. Your report is kept here and is being sent again…',
  /** How long to wait before trying again: "about 30 seconds", "about 2 minutes" (waitAbout in fill.ts). */
  waitAbout: typed<WaitMessages>({ seconds: 'about {count} seconds', minutes: { one: 'about a minute', other: 'about {count} minutes' } }),
  receipt: {
    heading: 'Your report has been sent',
    intro: 'It has been encrypted and passed to the handling team. This is your tracking code:',
    codeLabel: 'Tracking code',
    keepHeading: 'Keep the code safe',
    keep: [
      'Write it down on paper now, and check every digit.',
      'Don’t take a screenshot or photo, and don’t send it to anyone or store it online.',
      'Don’t keep it on a shared device, or on one your employer or school gave you.',
      'Anyone with the code can read your report and its messages. A lost code cannot be replaced.',
    ],
    next: 'Come back in a few days and use the code to check progress: the handling team may ask you questions there.',
    statusLink: 'Check a report',
    notShownAgain: 'This page is not cached, and the code will not be shown again.',
  },
};

const name = 'Tipline';

export const siteMessages = {
  /** This language's name in itself, for the language switch. */
  languageName: 'English',
  titles: {
    home: `${name} — report crime and corruption anonymously`,
    report: `Make a report — ${name}`,
    receipt: `Report sent — ${name}`,
    status: `Check your report — ${name}`,
    error: `Something went wrong — ${name}`,
  },
  site: {
    siteName: name,
    skipLink: 'Skip to main content',
    mainNav: 'Main',
    languageNav: 'Language',
    nav: { report: 'Make a report', status: 'Check a report' },
    footer: 'This site sets no cookies, keeps no IP addresses and loads nothing from other websites.',
    /** Between a sentence and the next (Chinese needs no space after a full stop; English does). */
    sentenceSpace: ' ',
  },
  home: {
    heading: 'Report organised crime and corruption, anonymously',
    lead:
      'What you know could matter. You don’t have to give your name. When you send a report you get a tracking code: use it to follow the report and to talk with the people handling it.',
    reportCta: 'Make a report',
    statusCta: 'Check a report',
    whatHeading: 'What you can report',
    anonymityHeading: 'How we protect your anonymity',
    anonymity: [
      { title: 'No IP addresses.', text: 'The server does not store or log the address you connect from.' },
      { title: 'No cookies.', text: 'Making a report sets no cookies and nothing tracks you.' },
      {
        title: 'Encrypted for the handling team.',
        text: 'Your report is encrypted as soon as it arrives. Only the team that handles this kind of report holds the key to read it; a copy of the database or the server’s disk reveals nothing of what you wrote.',
      },
      { title: 'Times rounded to the hour.', text: 'We never record the exact minute you wrote or sent anything.' },
      {
        title: 'Works in Tor Browser.',
        text: 'Every page works with JavaScript turned off, including Tor Browser’s “Safest” setting.',
      },
    ],
    deviceTip:
      'For extra safety, use your own phone or computer on a network you trust — not a work or school device or Wi-Fi.',
    codeHeading: 'Keep your tracking code safe',
    codeIntro:
      'The tracking code is the only way back to your report, and anyone who has it can read the report and its messages. It cannot be recovered if lost.',
    codeAdvice: [
      'Write it down on paper and keep the paper somewhere safe.',
      'Don’t take a screenshot or photo of it, and don’t send or share it with anyone.',
      'Don’t save it on a device that other people use.',
    ],
    statusHeading: 'Already made a report?',
    statusText: 'Use your tracking code to see its status, read messages from the handling team or add information.',
  },
  errors: {
    codes: {
      payload_too_large: {
        heading: 'That was too large to send',
        text: 'What you sent is over the size limit. Use your browser’s Back button to return to the form, shorten it and send it again.',
      },
      unsupported_media_type: {
        heading: 'That request could not be handled',
        text: 'The form data arrived in a format the server does not accept. Go back to the form and send it again.',
      },
      rate_limited: {
        heading: 'Too many attempts',
        text: 'Too many requests are arriving right now. Wait a few minutes, then go back and try again.',
      },
      service_unavailable: {
        heading: 'The service is busy',
        text: 'Nothing was saved. Wait a minute, then use your browser’s Back button to return to the form and send it again.',
      },
      internal_error: {
        heading: 'Something went wrong on our side',
        text: 'Please try again later. If you sent a report and did not see a tracking code, the report was not received.',
      },
      not_found_page: {
        heading: 'Page not found',
        text: 'The address may be mistyped, or the page no longer exists.',
      },
      generic: { heading: 'Something went wrong', text: 'Please try again later.' },
    },
    homeLink: 'Go to the home page',
  },
};

import { reportLabels } from './labels';

export const caseWords = {
  ...reportLabels,
  reportName: 'Report {id}',
  unassigned: 'Unassigned',
  noRegion: 'Not given',
  ackOverdue: 'Acknowledgement overdue',
  feedbackOverdue: 'Feedback overdue',
  lowEffort: 'Low effort',
  lowEffortExplained:
    'This report came in with little or no proof of work while the site was under heavy load. It may be junk from a flood, or a genuine report from someone without JavaScript: read it before deciding.',
  heldBy: 'Being handled by {name} until {time}',
};

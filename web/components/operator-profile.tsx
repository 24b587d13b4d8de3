/**
 * What the operator profile (SITE_CONFIG) tells a wary reporter: who runs the
 * service and whether it is independent, what happens after sending (built
 * from the deadlines and the retention period the server enforces), legal
 * protection and reward, whom to call in danger, and how to recognise the
 * real site. The home page shows all of it; the report form and the receipt
 * show the aside. Rendered at build time by the static pages and at request
 * time by the server (pages without JavaScript): never in an island.
 */
import type { JSX } from 'preact';
import type { ProfileView } from '../../contract/operator-profile';
import { fill } from '../i18n/fill';
import type { Catalogue } from '../i18n/types';

export type ProfileMessages = Catalogue['profile'];

interface Props {
  p: ProfileView;
  m: ProfileMessages;
}

/** The operator's text, or a placeholder naming the key of SITE_CONFIG to fill in: never an empty box. */
function OperatorText(props: Props & { text: string | null; keyName: string }): JSX.Element {
  if (props.text !== null) return <p class="text-block">{props.text}</p>;
  return <p class="placeholder">{fill(props.p.lang, props.m.placeholder, { key: props.keyName })}</p>;
}

/** Who runs the service, and how it stands apart from those reported. */
export function WhoRunsThis(props: Props & { headingLevel?: 2 | 3 }): JSX.Element {
  const { p, m } = props;
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  return (
    <section class="profile-who" aria-labelledby="profile-who-heading">
      <Heading id="profile-who-heading">{m.whoHeading}</Heading>
      <OperatorText {...props} text={p.operatorName} keyName="operator.name" />
      <OperatorText {...props} text={p.independence} keyName="operator.independence" />
    </section>
  );
}

/** The steps after sending, with the days the server really holds to. */
export function AfterYouSend(props: Props & { headingLevel?: 2 | 3 }): JSX.Element {
  const { p, m } = props;
  const a = m.after;
  const { ackDays, feedbackDays, retentionDays } = p.settings;
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  return (
    <section class="profile-after" aria-labelledby="profile-after-heading">
      <Heading id="profile-after-heading">{m.afterHeading}</Heading>
      <ol class="steps">
        <li>{a.encrypted}</li>
        <li>{fill(p.lang, a.acknowledge, { count: ackDays })}</li>
        <li>{a.questions}</li>
        <li>{fill(p.lang, a.feedback, { count: feedbackDays })}</li>
        <li>{retentionDays === 0 ? a.retentionOff : fill(p.lang, a.retention, { count: retentionDays })}</li>
      </ol>
      {p.afterSending !== null && <p class="text-block">{p.afterSending}</p>}
    </section>
  );
}

/** Whom to call when in danger now: the form is not an emergency line. */
export function InDanger(props: Props & { headingLevel?: 2 | 3 }): JSX.Element {
  const { p, m } = props;
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  return (
    <section class="profile-danger" aria-labelledby="profile-danger-heading">
      <Heading id="profile-danger-heading">{m.dangerHeading}</Heading>
      <p>{m.dangerIntro}</p>
      {p.emergency === null ? (
        <OperatorText {...props} text={null} keyName="emergency" />
      ) : (
        <ul class="emergency">
          {p.emergency.map((line) => (
            <li key={line.number}>
              {line.label}{' '}
              <a class="phone" href={`tel:${line.number.replace(/[^0-9+*#]/g, '')}`}>
                {line.number}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Legal protection and reward, as the operator states them. */
export function ProtectionAndReward(props: Props): JSX.Element {
  const { p, m } = props;
  return (
    <section class="profile-protection" aria-labelledby="profile-protection-heading">
      <h2 id="profile-protection-heading">{m.protectionHeading}</h2>
      <OperatorText {...props} text={p.legalProtection} keyName="legalProtection" />
      <h3 id="profile-reward-heading">{m.rewardHeading}</h3>
      <OperatorText {...props} text={p.reward} keyName="reward" />
    </section>
  );
}

/** How to tell this site from an impostor: what staff never do, its addresses, and an official way to check. */
export function RecogniseTheSite(props: Props): JSX.Element {
  const { p, m } = props;
  const { publicOrigin, onionOrigin } = p.settings;
  return (
    <section class="profile-recognise" aria-labelledby="profile-recognise-heading">
      <h2 id="profile-recognise-heading">{m.recogniseHeading}</h2>
      <ul class="advice">
        {m.recognise.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {publicOrigin !== null && (
        <p>
          {m.addressLabel} <code class="address">{publicOrigin}</code>
        </p>
      )}
      {onionOrigin !== null && (
        <p>
          {m.onionLabel} <code class="address onion-address">{onionOrigin}</code>
        </p>
      )}
      <h3 id="profile-verify-heading">{m.verifyHeading}</h3>
      <OperatorText {...props} text={p.verification} keyName="verification" />
    </section>
  );
}

/** Beside the report form and on the receipt: who runs this, what happens next, whom to call in danger. */
export function ProfileAside(props: Props): JSX.Element {
  const { m } = props;
  return (
    <aside class="profile-aside" aria-labelledby="profile-aside-heading">
      <h2 id="profile-aside-heading">{m.asideHeading}</h2>
      <WhoRunsThis {...props} headingLevel={3} />
      <AfterYouSend {...props} headingLevel={3} />
      <InDanger {...props} headingLevel={3} />
    </aside>
  );
}

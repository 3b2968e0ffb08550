import { Link } from '@fluentui/react-components';
import { QuestionCircle16Regular } from '@fluentui/react-icons/svg/question-circle';
import type { ReactElement } from 'react';
import { helpHref, type HelpTopic } from './help-links';
import { useHelpLinkStyles } from './HelpLink.styles';

export interface HelpLinkProps {
  topic: HelpTopic;
  /** What the section is called, for the link's words ("Help: Dashboards"). */
  title: string;
}

/**
 * A section's "How this works" link to its help on the support page, opened outside the pane
 * (a new browser tab in Excel on the web, the default browser in desktop Excel).
 * @example <HelpLink topic="dashboards" title="Dashboards" />
 */
export function HelpLink({ topic, title }: HelpLinkProps): ReactElement {
  const styles = useHelpLinkStyles();
  return (
    <div className={styles.row}>
      {/* The name starts with the visible words (WCAG label in name), then says where it opens. */}
      <Link
        className={styles.link}
        href={helpHref(topic, document.baseURI)}
        target="_blank"
        rel="noopener noreferrer"
        aria-label={`Help: ${title} (opens the help page in a new window)`}
      >
        <QuestionCircle16Regular aria-hidden />
        {`Help: ${title}`}
      </Link>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import './home.css';
import { MemberStateTasks } from './MemberStateTasks';
import { ParticipantTasks } from './ParticipantTasks';

/** The signed-in person's tasks on the home page: a representative's state's, or a participant's own. */
export function YourTasks({ role }: { role: string }) {
  const { t } = useTranslation();
  if (role !== 'member_state' && role !== 'stakeholder') return null;
  return (
    <section aria-labelledby="your-tasks" className="attention">
      <h2 className="heading-l" id="your-tasks">
        {t(role === 'member_state' ? 'worksurface.memberState.heading' : 'worksurface.participant.heading')}
      </h2>
      {role === 'member_state' ? <MemberStateTasks /> : <ParticipantTasks />}
    </section>
  );
}

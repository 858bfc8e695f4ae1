/** The dashboard's numbers straight from GROUP BY: the floor any implementation of rounds.participation has to pay. */
export const PARTICIPATION_SQL = {
  cells: `select coalesce(stakeholder_group, 'other') as stakeholder_group, member_state_code, written_in, count(*)::int as count
          from contribution where round_id = $1 and status = 'submitted' and hidden_at is null
          group by 1, 2, 3`,
  byType: `select i.type, count(*)::int as count from contribution_item i join contribution c on c.id = i.contribution_id
           where c.round_id = $1 and c.status = 'submitted' and c.hidden_at is null group by i.type`,
  byTheme: `select t.id, t.label, count(c.id)::int as count from round_theme t
            left join contribution_theme ct on ct.theme_id = t.id
            left join contribution c on c.id = ct.contribution_id and c.hidden_at is null
            where t.round_id = $1 group by t.id, t.label order by t.label`,
  byDay: `select to_char(submitted_at at time zone 'UTC', 'YYYY-MM-DD') as day, count(*)::int as count from contribution
          where round_id = $1 and status = 'submitted' group by 1 order by 1`,
};

import type { AuthContextLike, Where } from './auth-types.js';

/** The caller's organization and team memberships, to attach membership ids and check ownership. */
export interface Memberships {
  organizations: Map<string, { id: string; role?: string }>;
  teams: Map<string, string>;
}

interface MemberRow {
  id: string;
  organizationId: string;
  role?: string | null;
}

interface TeamMemberRow {
  id: string;
  teamId: string;
}

export function pluginOptions(context: AuthContextLike, id: string): object | undefined {
  const plugin = context.options.plugins?.find((p) => p.id === id);
  return plugin ? ((plugin.options as object | undefined) ?? {}) : undefined;
}

export function teamsEnabled(context: AuthContextLike): boolean {
  const options = pluginOptions(context, 'organization') as
    { teams?: { enabled?: boolean } } | undefined;
  return options?.teams?.enabled === true;
}

function toMemberships(members: MemberRow[], teamMembers: TeamMemberRow[]): Memberships {
  const result: Memberships = { organizations: new Map(), teams: new Map() };
  for (const member of members) {
    result.organizations.set(member.organizationId, {
      id: member.id,
      ...(member.role ? { role: member.role } : {}),
    });
  }
  for (const row of teamMembers) result.teams.set(row.teamId, row.id);
  return result;
}

/** A user's member rows, and team member rows, optionally only of the given ids. */
async function memberRows(
  context: AuthContextLike,
  userId: string,
  only?: { organizationIds: string[]; teamIds: string[] },
): Promise<Memberships> {
  const user: Where = { field: 'userId', value: userId };
  const among = (field: string, ids: string[] | undefined): Where[] =>
    ids ? [{ field, value: ids, operator: 'in' }] : [];
  const wantTeams = teamsEnabled(context) && (!only || only.teamIds.length > 0);
  const wantOrganizations = !only || only.organizationIds.length > 0;
  const [members, teamMembers] = await Promise.all([
    wantOrganizations
      ? context.adapter.findMany<MemberRow>({
          model: 'member',
          where: [user, ...among('organizationId', only?.organizationIds)],
        })
      : [],
    wantTeams
      ? context.adapter.findMany<TeamMemberRow>({
          model: 'teamMember',
          where: [user, ...among('teamId', only?.teamIds)],
        })
      : [],
  ]);
  return toMemberships(members, teamMembers);
}

// better-auth's organization plugin has no endpoint that lists a user's member
// rows with their ids, so they are read through its database adapter.
export async function loadMemberships(
  context: AuthContextLike,
  userId: string,
): Promise<Memberships> {
  if (!pluginOptions(context, 'organization')) return toMemberships([], []);
  return memberRows(context, userId);
}

/**
 * The memberships that `sessions` refer to (their active organization and
 * team), enough to give each sign-in its membership ids: no query at all when
 * none has one active, else one per kind for just those ids.
 */
export async function membershipsOf(
  context: AuthContextLike,
  userId: string,
  sessions: readonly { activeOrganizationId?: string | null; activeTeamId?: string | null }[],
): Promise<Memberships> {
  const ids = (field: 'activeOrganizationId' | 'activeTeamId') => [
    ...new Set(sessions.map((s) => s[field]).filter((id): id is string => !!id)),
  ];
  const only = { organizationIds: ids('activeOrganizationId'), teamIds: ids('activeTeamId') };
  if (
    !pluginOptions(context, 'organization') ||
    (!only.organizationIds.length && !only.teamIds.length)
  ) {
    return toMemberships([], []);
  }
  return memberRows(context, userId, only);
}

import type { AuthContextLike } from './auth-types.js';

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

// better-auth's organization plugin has no endpoint that lists a user's member
// rows with their ids, so they are read through its database adapter.
export async function loadMemberships(
  context: AuthContextLike,
  userId: string,
): Promise<Memberships> {
  const result: Memberships = { organizations: new Map(), teams: new Map() };
  if (!pluginOptions(context, 'organization')) return result;
  const members = await context.adapter.findMany<MemberRow>({
    model: 'member',
    where: [{ field: 'userId', value: userId }],
  });
  for (const member of members) {
    result.organizations.set(member.organizationId, {
      id: member.id,
      ...(member.role ? { role: member.role } : {}),
    });
  }
  if (teamsEnabled(context)) {
    const teamMembers = await context.adapter.findMany<TeamMemberRow>({
      model: 'teamMember',
      where: [{ field: 'userId', value: userId }],
    });
    for (const row of teamMembers) result.teams.set(row.teamId, row.id);
  }
  return result;
}

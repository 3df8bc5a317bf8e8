import type { CurrentUser, Organization, SignIn, SignInStatus, Workspace } from '../core/types.js';
import { toDate, type AuthSessionRecord, type AuthUserRecord } from './auth-types.js';
import type { Memberships } from './memberships.js';
import { deviceNames } from './user-agent.js';

/**
 * better-auth records → the kit's data model. Every output field is copied
 * by name: nothing better-auth adds later (a token, say) can slip through.
 */

function nonEmpty(value: string | null | undefined): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function iso(value: Date | string | null | undefined): string | undefined {
  return toDate(value)?.toISOString();
}

function splitName(name: string | undefined): { first?: string; last?: string } {
  const parts = (name ?? '').trim().split(/\s+/).filter(Boolean);
  if (!parts.length) return {};
  return { first: parts[0], last: parts.length > 1 ? parts.slice(1).join(' ') : undefined };
}

export function toCurrentUser(user: AuthUserRecord): CurrentUser {
  const fromName = splitName(nonEmpty(user.name));
  const result: CurrentUser = { id: user.id };
  const first = nonEmpty(user.firstName) ?? fromName.first;
  const last = nonEmpty(user.lastName) ?? fromName.last;
  if (first) result.first_name = first;
  if (last) result.last_name = last;
  const username = nonEmpty(user.username);
  if (username) result.username = username;
  const email = nonEmpty(user.email);
  if (email) result.primary_email_address = { email, verified: user.emailVerified === true };
  const phone = nonEmpty(user.phoneNumber);
  if (phone) {
    result.primary_phone_number = {
      phone_number: phone,
      verified: user.phoneNumberVerified === true,
    };
  }
  const picture = nonEmpty(user.image);
  if (picture) result.profile_picture_url = picture;
  return result;
}

export interface SignInContext {
  currentToken: string | undefined;
  user?: AuthUserRecord;
  memberships?: Memberships;
}

export function toSignIn(session: AuthSessionRecord, context: SignInContext): SignIn {
  const signIn: SignIn = { id: session.id, user_id: session.userId };
  const org = session.activeOrganizationId;
  const orgMembership = org ? context.memberships?.organizations.get(org)?.id : undefined;
  if (orgMembership) signIn.active_organization_membership_id = orgMembership;
  const team = session.activeTeamId;
  const teamMembership = team ? context.memberships?.teams.get(team) : undefined;
  if (teamMembership) signIn.active_workspace_membership_id = teamMembership;
  const createdAt = iso(session.createdAt);
  if (createdAt) signIn.createdAt = createdAt;
  const expiresAt = iso(session.expiresAt);
  if (expiresAt) signIn.expiresAt = expiresAt;
  const lastActiveAt = iso(session.lastActiveAt) ?? iso(session.updatedAt) ?? createdAt;
  if (lastActiveAt) signIn.lastActiveAt = lastActiveAt;
  for (const key of [
    'ipAddress',
    'userAgent',
    'city',
    'region',
    'regionCode',
    'country',
    'countryCode',
  ] as const) {
    const value = nonEmpty(session[key]);
    if (value) signIn[key] = value;
  }
  Object.assign(signIn, deviceNames(signIn.userAgent));
  signIn.current = context.currentToken !== undefined && session.token === context.currentToken;
  signIn.impersonated = Boolean(session.impersonatedBy);
  if (context.user) signIn.user = toCurrentUser(context.user);
  return signIn;
}

export function statusOf(
  session: AuthSessionRecord,
  now: number,
  onlineWindow: number,
): SignInStatus {
  const expires = toDate(session.expiresAt)?.getTime() ?? 0;
  if (expires <= now) return 'expired';
  const last =
    toDate(session.lastActiveAt) ?? toDate(session.updatedAt) ?? toDate(session.createdAt);
  return last && now - last.getTime() <= onlineWindow ? 'online' : 'offline';
}

export interface AuthOrganization {
  id: string;
  name: string;
  slug?: string | null;
  logo?: string | null;
}

export function toOrganization(
  org: AuthOrganization,
  memberships: Memberships,
): Organization | null {
  const membership = memberships.organizations.get(org.id);
  if (!membership) return null;
  const result: Organization = { id: org.id, name: org.name, membership_id: membership.id };
  const slug = nonEmpty(org.slug);
  if (slug) result.slug = slug;
  const logo = nonEmpty(org.logo);
  if (logo) result.logo = logo;
  if (membership.role) result.role = membership.role;
  return result;
}

export interface AuthTeam {
  id: string;
  name: string;
  organizationId: string;
}

export function toWorkspace(team: AuthTeam, memberships: Memberships): Workspace | null {
  const membership = memberships.teams.get(team.id);
  if (!membership) return null;
  return {
    id: team.id,
    name: team.name,
    organization_id: team.organizationId,
    membership_id: membership,
  };
}

/** Queries for an organization's settings, members and invitations. */
import { useQuery } from '@tanstack/react-query';
import { call } from './http.ts';

export const orgKey = (orgId: string) => ['org', orgId] as const;

export function useOrganization(orgId: string | undefined) {
  return useQuery({
    queryKey: orgKey(orgId ?? ''),
    queryFn: () => call('getOrganization', { params: { orgId: orgId ?? '' } }),
    enabled: Boolean(orgId),
    staleTime: 5 * 60_000,
  });
}

/** The support resources organizations here offer anyone; no session needed. */
export function usePublicSupport() {
  return useQuery({
    queryKey: ['support-resources'],
    queryFn: () => call('listSupportResources'),
    staleTime: 5 * 60_000,
  });
}

export function useMembers(orgId: string) {
  return useQuery({
    queryKey: ['members', orgId],
    queryFn: () => call('listMembers', { params: { orgId } }),
  });
}

export function useInvitations(orgId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['invitations', orgId],
    queryFn: () => call('listInvitations', { params: { orgId } }),
    enabled,
  });
}

import { describe, expect, it } from 'vitest';
import type { User } from '../../../shared/api/auth';
import { allows, mayActOn, rolesFor, teamScope } from './policy';

const teamA = '0b5c6a0e-8a2e-4c55-9d7e-3f1f1c1a0a01';
const teamB = '0b5c6a0e-8a2e-4c55-9d7e-3f1f1c1a0b02';
const user = (role: User['role'], teamId = teamA): User => ({ id: 'u', username: role, displayName: role, role, teamId });

describe('policy', () => {
  it('lets a worker write only its own team’s records', () => {
    expect(mayActOn(user('worker'), 'signal-event.create', { teamId: teamA })).toBe(true);
    expect(mayActOn(user('worker'), 'signal-event.create', { teamId: teamB })).toBe(false);
    expect(mayActOn(user('worker'), 'signal-event.create', { teamId: teamA.toUpperCase() })).toBe(true);
    expect(mayActOn(user('counsellor'), 'signal-event.create', { teamId: teamA })).toBe(false);
  });

  it('lets a counsellor read a dossier sent to its team, not one its team owns or another team’s', () => {
    const counsellor = user('counsellor', teamB);
    expect(mayActOn(counsellor, 'dossier.read', { teamId: teamA, recipientTeamId: teamB })).toBe(true);
    expect(mayActOn(counsellor, 'dossier.read', { teamId: teamB, recipientTeamId: teamA })).toBe(false);
    expect(mayActOn(counsellor, 'dossier.read', { teamId: teamB })).toBe(false);
    expect(mayActOn(user('worker', teamA), 'dossier.read', { teamId: teamA, recipientTeamId: teamA })).toBe(false);
  });

  it('gives a team lead aggregates only, never a single record', () => {
    expect(allows(user('teamlead'), 'report.read')).toBe(true);
    expect(mayActOn(user('teamlead'), 'report.read', { teamId: teamA })).toBe(false);
    expect(rolesFor('report.read')).toEqual(['teamlead']);
  });

  it('turns a grant into one SQL condition on the right column, and refuses what the table cannot express', () => {
    expect(teamScope(user('worker'), 'case.list', { owner: 'c.team_id' }, 2)).toEqual({ sql: 'c.team_id = $2::uuid', params: [teamA] });
    expect(teamScope(user('counsellor', teamB), 'dossier.read', { owner: 'team_id', recipient: 'recipient_team_id' }, 1)).toEqual({
      sql: 'recipient_team_id = $1::uuid',
      params: [teamB],
    });
    expect(() => teamScope(user('counsellor'), 'dossier.read', { owner: 'team_id' }, 1)).toThrow(/cannot express/);
    expect(() => teamScope(user('counsellor'), 'case.list', { owner: 'team_id' }, 1)).toThrow(/may not/);
  });
});

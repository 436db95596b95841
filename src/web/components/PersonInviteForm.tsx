/** Choose someone from the organization and invite them: used for relationships and for circles. */
import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import { copy } from '../copy.ts';
import { Button } from './Button.tsx';
import { FormError } from './FormError.tsx';
import { Notice } from './Notice.tsx';

export interface PersonOption {
  userId: string;
  displayName: string;
}

export function PersonInviteForm({
  id,
  people,
  invite,
  submitLabel,
  invitedMessage,
  variant = 'primary',
}: {
  /** The select's id (tests and labels rely on it). */
  id: string;
  people: PersonOption[];
  /** Called with the chosen person's id. */
  invite: UseMutationResult<unknown, Error, string>;
  submitLabel: string;
  invitedMessage: (name: string) => string;
  variant?: 'primary' | 'quiet';
}) {
  const [userId, setUserId] = useState('');
  const invitedName = people.find((p) => p.userId === invite.variables)?.displayName ?? '';
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        if (userId) invite.mutate(userId);
      }}
    >
      <div className="field">
        <label className="field-label" htmlFor={id}>
          {copy.connect.person}
        </label>
        <select
          id={id}
          className="field-input"
          value={userId}
          onChange={(e) => setUserId(e.target.value)}
        >
          <option value="">{copy.connect.choose}</option>
          {people.map((p) => (
            <option key={p.userId} value={p.userId}>
              {p.displayName}
            </option>
          ))}
        </select>
      </div>
      <FormError error={invite.error} />
      <Button type="submit" variant={variant} busy={invite.isPending} isDisabled={!userId}>
        {submitLabel}
      </Button>
      {invite.isSuccess ? <Notice tone="success">{invitedMessage(invitedName)}</Notice> : null}
    </form>
  );
}

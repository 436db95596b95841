/** A read-only link with a copy button; if the clipboard is unavailable, the text is selected for copying by hand. */
import { useRef, useState } from 'react';
import { Button } from './Button.tsx';
import { copy } from '../copy.ts';

export function CopyField({
  label,
  value,
  id = 'copy-field',
}: {
  label: string;
  value: string;
  id?: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const doCopy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setStatus('copied');
    } catch {
      input.current?.select();
      setStatus('failed');
    }
  };
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <div className="copy-row">
        <input
          id={id}
          ref={input}
          className="field-input"
          readOnly
          value={value}
          onFocus={(e) => e.currentTarget.select()}
        />
        <Button variant="quiet" onPress={() => void doCopy()}>
          {copy.invite.copy}
        </Button>
      </div>
      <p className="field-hint" role="status">
        {status === 'copied'
          ? copy.invite.copied
          : status === 'failed'
            ? copy.invite.copyFailed
            : ''}
      </p>
    </div>
  );
}

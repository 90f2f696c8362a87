import './number-setting.css';
import { useEffect, useId, useRef, useState } from 'react';

/**
 * A number field with its label, a line saying what it changes where that needs saying, and a
 * message beside it while its value is not one the setting takes. The browser's own checks
 * (min, max, whole numbers) decide; the form turns off their pop-up and shows this message.
 */
export function NumberSetting({
  label,
  min,
  max,
  value,
  onChange,
  hint,
}: {
  label: string;
  min: number;
  max: number;
  /** NaN while the field holds no number. */
  value: number;
  onChange: (event: { currentTarget: HTMLInputElement }) => void;
  /** What the setting changes, shown under the field. */
  hint?: string;
}) {
  const hintId = useId();
  const problemId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string>();
  const check = (field: HTMLInputElement) =>
    setProblem(field.validity.valid ? undefined : `Enter a whole number from ${min} to ${max}.`);
  // A value set from outside (the saved settings) clears a message the old one left.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each new value
  useEffect(() => {
    if (input.current?.validity.valid) setProblem(undefined);
  }, [value]);
  const describedBy = [problem && problemId, hint && hintId].filter(Boolean).join(' ');
  return (
    <>
      <label>
        {label}
        <input
          ref={input}
          type="number"
          required
          min={min}
          max={max}
          value={Number.isNaN(value) ? '' : value}
          aria-invalid={problem !== undefined}
          aria-describedby={describedBy || undefined}
          onChange={(event) => {
            check(event.currentTarget);
            onChange(event);
          }}
          onInvalid={(event) => check(event.currentTarget)}
        />
      </label>
      {problem && (
        <p id={problemId} className="field-problem">
          {problem}
        </p>
      )}
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
    </>
  );
}
